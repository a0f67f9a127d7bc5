/* Thread tags used on every function pointer of the ABI.
 *
 * They are documentation, not code: each function pointer in these headers carries one of them in
 * its comment, and both sides must honour it.
 *
 * [main-thread]  Called only from the thread that called the plugin's `init`, never concurrently
 *                with itself or with another [main-thread] function.
 * [any-thread]   May be called from any thread, concurrently with any other [any-thread] function,
 *                also with itself. The implementation synchronises what it shares.
 * [same-thread]  Called on the thread that obtained the object it operates on (streams), never
 *                concurrently for the same object; different objects may be used on different
 *                threads.
 *
 * The external portal of a plugin calls host services from many threads at once, so every host
 * service is [any-thread]. The host calls plugin UI functions from its request threads, so those
 * are [any-thread] too. Only the lifecycle (`init`, `deinit`) is [main-thread]. */
#ifndef DM_THREADING_H
#define DM_THREADING_H

#define DM_THREAD_TAGS_REVISION 1

#endif /* DM_THREADING_H */
