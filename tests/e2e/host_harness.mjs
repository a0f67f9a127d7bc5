// Starts dm-sample-host on a free loopback port with a temporary data folder and the fixture
// plugin, and stops it again. The host prints its URL on stdout once it listens.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this test through ctest`);
  return value;
}

export async function startHost() {
  const binary = required('DM_SAMPLE_HOST');
  const plugin = required('DM_TEST_PLUGIN');
  const dir = mkdtempSync(join(tmpdir(), 'dm-e2e-'));
  const spool = join(dir, 'spool');
  mkdirSync(join(spool, 'mail'), { recursive: true });
  mkdirSync(join(spool, 'sms'), { recursive: true });
  const config = join(dir, 'host.yaml');
  writeFileSync(config, [
    'listen:', '  address: 127.0.0.1', '  port: 0',
    'data_directory: data', 'spool_directory: spool', 'http_threads: 8',
    'demo_data:', '  enabled: true', '  big_attachment: false', '  cases_per_organisation: 120',
    'plugins:', `  - path: ${JSON.stringify(plugin)}`, '',
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
    url, spool, log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { child.once('exit', r); setTimeout(r, 10000); });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
