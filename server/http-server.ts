import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { SECURITY_HEADERS } from '../lib/security/headers';

/**
 * The app on a Node HTTP server that answers even the requests the app never
 * sees, as the app answers: JSON that says what is wrong, with our security
 * headers. Node's parser refuses some requests itself (headers larger than
 * `http.maxHeaderSize`, broken HTTP), and the adapter others (a path it
 * cannot make a URL of, such as one with a backslash); left to themselves,
 * both answer with a bare status.
 */
export function listen(app: Hono, host: string, port: number): Promise<Server> {
  const server = http.createServer(
    getRequestListener(app.fetch, {
      hostname: host,
      errorHandler: (error) => Response.json({ error: `This request cannot be read: ${(error as Error).message}.` }, { status: 400, headers: OWN_HEADERS }),
    }),
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, `The request's address and headers are too large: at most ${http.maxHeaderSize / 1024} KB together.`]
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request took too long to arrive.']
          : [400, `This request is not valid HTTP (${error.code ?? error.message}).`];
    const body = JSON.stringify({ error: message });
    const head = { ...OWN_HEADERS, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
    const lines = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`, ...Object.entries(head).map(([name, value]) => `${name}: ${value}`)];
    socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}`)));
    server.listen(port, host, () => resolve(server));
  });
}

/** The headers of an answer the server makes without the app. */
const OWN_HEADERS = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
