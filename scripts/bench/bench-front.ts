import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { stopProcess, waitForHealth } from "./bench-server";

/** A load balancer in front of the instances; `queue` reads what it queued since the last `resetQueue`. */
export type Front = {
  name: string;
  stop: () => Promise<void>;
  resetQueue?: () => Promise<void>;
  queue?: () => Promise<string>;
};

const NGINX = "/usr/sbin/nginx";
const HAPROXY = "/usr/sbin/haproxy";

function requireBinary(file: string, install: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: ${install}`);
}

/**
 * Debian's nginx as a load balancer in front of the instances, run as this user from a scratch folder.
 * It passes the benchmark's made-up client addresses through unchanged; in production use
 * `$proxy_add_x_forwarded_for`, so the last entry (the one the app trusts) is the address nginx saw.
 * Open-source nginx has no queue: every connection it accepts goes to an instance at once.
 */
export async function startNginx(port: number, upstreamPorts: number[], folder: string): Promise<Front> {
  requireBinary(NGINX, "apt-get install -y nginx");
  mkdirSync(path.join(folder, "logs"), { recursive: true });
  const conf = `
worker_processes 2;
pid ${folder}/nginx.pid;
error_log ${folder}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${folder}/body; proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fcgi; uwsgi_temp_path ${folder}/uwsgi; scgi_temp_path ${folder}/scgi;
  upstream app { ${upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_read_timeout 60s;
    }
  }
}`;
  writeFileSync(path.join(folder, "nginx.conf"), conf);
  const child = spawn(NGINX, ["-p", folder, "-c", path.join(folder, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => "nginx");
  return { name: "nginx", stop: () => stopProcess(child) };
}

/**
 * Debian's haproxy in front of the instances: each instance gets at most `maxconn` requests at a time and
 * the rest wait in haproxy's queue, first come first served, for up to `queueSeconds` (then 503). A
 * saturated Node process does not serve its connections in arrival order; a short FIFO queue in front
 * of a few busy slots does. Like the nginx front, it passes X-Forwarded-For through unchanged (in
 * production: `option forwardfor`).
 */
export async function startHaproxy(
  port: number,
  upstreamPorts: number[],
  folder: string,
  opts: { maxconn: number; queueSeconds: number },
): Promise<Front> {
  requireBinary(HAPROXY, "apt-get install -y haproxy");
  const socket = path.join(folder, "haproxy.sock");
  const conf = `
global
  nbthread 1
  maxconn 4096
  stats socket ${socket} mode 600 level admin
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout queue ${opts.queueSeconds}s
  timeout http-keep-alive 60s
  # A request whose client gave up while it waited in the queue is dropped, not sent to an instance.
  option abortonclose
frontend rush
  bind 127.0.0.1:${port}
  maxconn 4096
  default_backend app
backend app
  balance leastconn
${upstreamPorts.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} maxconn ${opts.maxconn}`).join("\n")}
`;
  const file = path.join(folder, "haproxy.cfg");
  writeFileSync(file, conf);
  let log = "";
  const child = spawn(HAPROXY, ["-db", "-f", file], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => `haproxy:\n${log}`);
  const command = (line: string) =>
    new Promise<string>((resolve, reject) => {
      let out = "";
      const client = connect(socket, () => client.end(`${line}\n`));
      client.on("data", (d) => (out += d));
      client.on("end", () => resolve(out));
      client.on("error", reject);
    });
  return {
    name: `haproxy (maxconn ${opts.maxconn} per instance, queue timeout ${opts.queueSeconds} s)`,
    stop: () => stopProcess(child),
    resetQueue: async () => void (await command("clear counters")),
    // The backend's longest queue and each instance's most requests at once, since the last reset.
    queue: async () => {
      const [header, ...lines] = (await command("show stat")).trim().split("\n");
      const columns = header!.replace(/^# /, "").split(",");
      const rows = lines.map((l) => l.split(",")).filter((r) => r[0] === "app");
      const at = (row: string[], name: string) => row[columns.indexOf(name)];
      const backend = rows.find((r) => r[1] === "BACKEND");
      const servers = rows.filter((r) => r[1] !== "BACKEND");
      if (!backend) return "no backend stats";
      return `haproxy queue max ${at(backend, "qmax")}, at once in each instance max ${servers.map((r) => at(r, "smax")).join("/")}`;
    },
  };
}
