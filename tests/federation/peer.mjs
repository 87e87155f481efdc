// A small, independent ActivityPub server on Fedify (the framework Ghost's social web runs
// on), on loopback, for Chaikhana's end-to-end test. It follows, replies, likes and unfollows
// when its control endpoints are called, verifies every signature we send it (Fedify's own
// checks), and lists what it received at /control/received.
//   node peer.mjs 8215
import "./node20.mjs";
import http from "node:http";

const {
  Accept, Create, Delete, Endpoints, Follow, Like, MemoryKvStore, Note, Person, Reject, Undo,
  Update, createFederation, generateCryptoKeyPair, Announce,
} = await import("@fedify/fedify");

const port = Number(process.argv[2] ?? 8215);
const origin = `http://127.0.0.1:${port}`;
const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });
const keyPair = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const received = [];
let counter = 0;

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "reader") return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Fedify Reader",
      url: new URL(`/@${identifier}`, origin),
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
      assertionMethods: keys.map((key) => key.multikey),
    });
  })
  .setKeyPairsDispatcher(async () => [keyPair]);

const record = async (ctx, activity) => {
  const json = await activity.toJsonLd({ format: "compact" });
  received.push({ type: json.type, id: json.id, object: json.object });
};
federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, record).on(Reject, record).on(Create, record).on(Update, record)
  .on(Delete, record).on(Announce, record).on(Undo, record)
  .onError((ctx, error) => received.push({ type: "error", error: String(error) }));

const ctx = federation.createContext(new URL(origin), undefined);
const me = () => ctx.getActorUri("reader");
const sender = { identifier: "reader" };
const follows = new Map();

async function control(url) {
  const q = url.searchParams;
  const target = q.get("actor") ? await ctx.lookupObject(q.get("actor")) : null;
  switch (url.pathname) {
    case "/control/follow": {
      const id = new URL(`/follows/${++counter}`, origin);
      follows.set(target.id.href, id);
      await ctx.sendActivity(sender, target, new Follow({ id, actor: me(), object: target.id }));
      return { sent: id.href };
    }
    case "/control/unfollow": {
      const follow = new Follow({ id: follows.get(target.id.href), actor: me(), object: target.id });
      const id = new URL(`/undo/${++counter}`, origin);
      await ctx.sendActivity(sender, target, new Undo({ id, actor: me(), object: follow }));
      return { sent: id.href };
    }
    case "/control/reply":
    case "/control/edit-reply": {
      const noteId = new URL(`/notes/${q.get("note")}`, origin);
      const note = new Note({
        id: noteId, attributedTo: me(), content: q.get("text"), url: noteId,
        replyTarget: new URL(q.get("post")), to: new URL("https://www.w3.org/ns/activitystreams#Public"),
        cc: target.id,
      });
      const Kind = url.pathname === "/control/reply" ? Create : Update;
      const id = new URL(`/activities/${++counter}`, origin);
      await ctx.sendActivity(sender, target, new Kind({ id, actor: me(), object: note }));
      return { sent: id.href };
    }
    case "/control/like": {
      const id = new URL(`/likes/${++counter}`, origin);
      await ctx.sendActivity(sender, target, new Like({ id, actor: me(), object: new URL(q.get("post")) }));
      return { sent: id.href };
    }
    case "/control/received":
      return received;
    default:
      return { error: "unknown" };
  }
}

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, origin);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    try {
      if (url.pathname.startsWith("/control/")) {
        const answer = await control(url);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer));
        return;
      }
      const headers = Object.entries(req.headers).filter(([name]) => name !== "host");
      const body = ["GET", "HEAD"].includes(req.method) ? undefined : Buffer.concat(chunks);
      const response = await federation.fetch(new Request(url, { method: req.method, headers, body }), {
        contextData: undefined,
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error?.stack ?? error));
    }
  })
  .listen(port, "127.0.0.1", () => console.log(`peer on ${origin}`));
