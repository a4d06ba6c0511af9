// A stand-in for the GitHub API for bench/action-packet.js, in its own process (the bench times
// with spawnSync, which would block a server in its own). It answers what the Action asks on a
// packet pull request: the reviews (the approvers given on the command line approve), the issue
// comments (none), a new comment, and GraphQL's viewer. It prints "listening on PORT" when ready.
//
//   node bench/peers/github-stub.js [APPROVER...]
import { createServer } from 'node:http';

const approvers = process.argv.slice(2);
const bot = { login: 'github-actions[bot]', type: 'Bot' };
const answers = {
  reviews: approvers.map((login, i) => ({ id: i + 1, user: { login }, state: 'APPROVED', submitted_at: '2026-11-01T00:00:00Z' })),
};
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const path = (req.url ?? '').split('?')[0];
    let status = 200;
    let body = [];
    if (req.method === 'POST' && path === '/graphql') body = { data: { viewer: { login: bot.login } } };
    else if (req.method === 'GET' && path.endsWith('/reviews')) body = answers.reviews;
    else if (req.method === 'POST' || req.method === 'PATCH') {
      status = req.method === 'POST' ? 201 : 200;
      body = { id: 1, body: '', user: bot };
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
