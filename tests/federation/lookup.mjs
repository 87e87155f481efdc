// What `fedify lookup` does, on Fedify's own library (the CLI's npm package downloads a
// binary at install, which this machine cannot): resolve each handle or URL with Fedify's
// WebFinger client, document loader and vocabulary, print the object, and fail on any
// warning or error Fedify logs while parsing it.
//   node lookup.mjs webfinger:http://127.0.0.1:8205/ap/@demo http://127.0.0.1:8205/@demo/a-post/
import "./node20.mjs";
import { configure, getConsoleSink } from "@logtape/logtape";

const { getDocumentLoader, lookupObject, lookupWebFinger } = await import("@fedify/fedify");

const problems = [];
await configure({
  sinks: {
    console: getConsoleSink(),
    collect: (record) => problems.push(record),
  },
  loggers: [
    { category: "fedify", lowestLevel: process.env.FEDIFY_DEBUG ? "debug" : "warning", sinks: ["console", "collect"] },
    { category: ["logtape", "meta"], lowestLevel: "error", sinks: ["console"] },
  ],
});

const documentLoader = getDocumentLoader({ allowPrivateAddress: true });
let failed = 0;
for (const target of process.argv.slice(2)) {
  if (target.startsWith("webfinger:")) {
    // Fedify asks https:// for a handle's host; on loopback (plain http) we ask WebFinger
    // about the actor's URL instead, which Fedify sends to that URL's own scheme and host.
    const jrd = await lookupWebFinger(target.slice(10), { allowPrivateAddress: true });
    const self = jrd?.links?.find((l) => l.rel === "self" && l.type === "application/activity+json");
    console.log(self ? `OK ${target} -> ${jrd.subject} ${self.href}` : `FAIL ${target}`);
    failed += self ? 0 : 1;
    continue;
  }
  const object = await lookupObject(target, { documentLoader, allowPrivateAddress: true });
  if (object == null) {
    console.log(`FAIL ${target}: not found or not parsed`);
    failed++;
    continue;
  }
  const json = await object.toJsonLd({ format: "compact" });
  console.log(`OK ${target} -> ${object.constructor.name} ${object.id?.href}`);
  console.log(JSON.stringify(json));
}
if (problems.length) {
  console.log(`FAIL ${problems.length} warning(s) logged by Fedify`);
  failed++;
}
process.exit(failed ? 1 : 0);
