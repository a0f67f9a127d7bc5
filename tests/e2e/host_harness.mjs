// Starts dm-sample-host on a free loopback port with a temporary data folder and the fixture
// plugin (or another plugin with its own config), and stops it again. The host prints its URL on
// stdout once it listens.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this test through ctest`);
  return value;
}

// A free TCP port on the loopback interface, for a server that needs its port in its config.
// Picked below the kernel's ephemeral range, where no outgoing connection takes it before the
// server binds it (tests/support/free-port.py says why).
export async function freePort() {
  const script = fileURLToPath(new URL('../support/free-port.py', import.meta.url));
  return Number(execFileSync('python3', [script]).toString().trim());
}

// options.plugin: path of the plugin library (default: $DM_TEST_PLUGIN);
// options.pluginConfig({ dir, spool }): writes the plugin's config and returns its path (opt).
// options.hostConfig: YAML lines added to the host's config (e.g. an `attachments:` section).
export async function startHost(options = {}) {
  const binary = required('DM_SAMPLE_HOST');
  const plugin = options.plugin || required('DM_TEST_PLUGIN');
  const dir = mkdtempSync(join(tmpdir(), 'dm-e2e-'));
  const spool = join(dir, 'spool');
  mkdirSync(join(spool, 'mail'), { recursive: true });
  mkdirSync(join(spool, 'sms'), { recursive: true });
  const pluginConfig = options.pluginConfig ? await options.pluginConfig({ dir, spool }) : null;
  const config = join(dir, 'host.yaml');
  writeFileSync(config, [
    'listen:', '  address: 127.0.0.1', '  port: 0',
    'data_directory: data', 'spool_directory: spool', 'http_threads: 8',
    'demo_data:', '  enabled: true', '  big_attachment: false', '  cases_per_organisation: 120',
    ...(options.hostConfig || []),
    'plugins:', `  - path: ${JSON.stringify(plugin)}`,
    ...(pluginConfig ? [`    config: ${JSON.stringify(pluginConfig)}`] : []), '',
  ].join('\n'));
  const child = spawn(binary, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('host did not start within 60 s:\n' + out + log)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`host exited with ${code}:\n${out}${log}`)); });
  });
  return {
    url, spool, dir, dataDirectory: join(dir, 'data'), log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 10000); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
