// A writer's session with the npm "wordpress" client, starting from nothing but the blog's
// address: the page's rel="EditURI" → the RSD document → the WordPress API's apiLink.
// Usage: node session.js <blog URL> <username> <application password> [network]
// Prints one JSON line with what the client saw; chaikhana/porting/tests/test_api_npm_client.py
// reads it.
"use strict";
const wordpress = require("wordpress");

async function discover(blogUrl) {
	const page = await (await fetch(blogUrl)).text();
	const editUri = page.match(/<link rel="EditURI" type="application\/rsd\+xml" href="([^"]+)">/)[1];
	const rsd = await (await fetch(editUri)).text();
	const api = rsd.match(/<api name="WordPress" blogID="(\d+)" preferred="true" apiLink="([^"]+)"\/>/);
	return { blogId: api[1], endpoint: api[2] };
}

function promised(client, method, ...args) {
	return new Promise((resolve, reject) => {
		client[method](...args, (error, value) => (error ? reject(error) : resolve(value)));
	});
}

async function main() {
	const [blogUrl, username, password, mode] = process.argv.slice(2);
	let { blogId, endpoint } = await discover(blogUrl);
	const discovered = endpoint;
	if (mode === "network") {
		endpoint = new URL("/xmlrpc.php", endpoint).href;
		blogId = 0; // what the client sends when told nothing else
	}
	// The client appends /xmlrpc.php to the site's address itself.
	const client = wordpress.createClient({
		url: endpoint.replace(/\/xmlrpc\.php$/, ""),
		username,
		password,
		blogId,
	});
	const id = await promised(client, "newPost", {
		title: "Из редактора",
		content: "<p>Написано в npm-клиенте</p>",
		status: "publish",
		terms: {},
	});
	await promised(client, "editPost", id, { title: "Из редактора, исправлено" });
	const post = await promised(client, "getPost", id);
	const list = await promised(client, "getPosts", { number: 5 });
	let fault = null;
	try {
		await promised(client, "getPost", "999999");
	} catch (error) {
		fault = error.code;
	}
	console.log(JSON.stringify({ discovered, id, title: post.title, status: post.status, link: post.link, listed: list.map((p) => p.id), fault }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
