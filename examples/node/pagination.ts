// Pagination in both styles: every item of every page with `for await`, or page by page with
// each page's own fields. Pages are fetched only when needed.
//
//   scripts/examples.sh node pagination        (from the repository root: compiles, then runs it)
import { CJHirashiAgents } from "@cjhirashi/agents-sdk";
import { Sandbox } from "@cjhirashi/agents-sdk/testing";

const sandbox = await Sandbox.start();

// Listing users is an admin operation.
const admin = new CJHirashiAgents({ apiKey: sandbox.adminApiKey, baseURL: sandbox.platformUrl });

// 1. Every item: iterating fetches page after page (?page=1&limit=50, then 2, ...).
const emails: string[] = [];
for await (const user of admin.users.list({ limit: 50 })) {
  if (user.role === "ADMIN") emails.push(user.email);
}
console.log(`${emails.length} admins among all users, e.g. ${emails[0]}`);

// Leaving the loop early fetches no further page: this reads one page of 50.
const firstThree: string[] = [];
for await (const user of admin.users.list({ limit: 50 })) {
  firstThree.push(user.id);
  if (firstThree.length === 3) break;
}
console.log(`first three: ${firstThree.join(", ")}`);

// 2. Page by page: awaiting the list gives its first page, the wire's data object plus
//    hasNextPage() / getNextPage(). Transactions follow a cursor and carry the month's summary.
const client = new CJHirashiAgents({ apiKey: sandbox.apiKey, baseURL: sandbox.platformUrl });
let page = await client.finance.transactions.list({ limit: 20 });
console.log(`this month: net flow ${page.summary.netFlow}`);
for (let number = 1; ; number++) {
  console.log(`page ${number}: ${page.transactions.length} transactions, more: ${page.hasNextPage()}`);
  if (!page.hasNextPage()) break;
  page = await page.getNextPage();
}

await sandbox.close();
