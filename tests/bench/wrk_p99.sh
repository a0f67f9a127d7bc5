# Sourced by the bench scripts: the p99 latency of a `wrk --latency` report (read on stdin) in
# milliseconds with two decimals, whatever unit wrk chose for it (us, ms or s).
wrk_p99_ms_of_report() {
  awk '/ 99%/{print $2}' |
    python3 -c 'import sys; v=sys.stdin.read().strip(); u={"us":0.001,"ms":1.0,"s":1000.0}; n=v.rstrip("mus"); print(f"{float(n)*u[v[len(n):]]:.2f}")'
}
