"""Pagination in both styles: every item of every page with a plain ``for``, or page by page
with each page's own fields. Pages are fetched only when needed.

    python examples/python/pagination.py
"""

from __future__ import annotations

from itertools import islice

from cjhirashi_agents import Client
from cjhirashi_agents.testing import Sandbox


def main() -> None:
    with Sandbox() as sandbox:
        # Listing users is an admin operation.
        with Client(api_key=sandbox.admin_api_key, base_url=sandbox.platform_url) as admin:
            # 1. Every item: iterating fetches page after page (?page=1&limit=50, 2, ...).
            emails = [user.email for user in admin.users.list(limit=50) if user.role == "ADMIN"]
            print(f"{len(emails)} admins among all users, e.g. {emails[0]}")

            # Stopping early fetches no further page: this reads one page of 50.
            first_three = list(islice(admin.users.list(limit=50), 3))
            print("first three:", [user.id for user in first_three])

        with Client(api_key=sandbox.api_key, base_url=sandbox.platform_url) as client:
            # 2. Page by page: the call returns the first page with its own fields (transactions
            #    follow a cursor and carry the month's `summary`); `iter_pages()` walks on from it.
            first = client.finance.transactions.list(limit=20)
            print(f"this month: net flow {first.summary.net_flow}")
            for number, page in enumerate(first.iter_pages(), start=1):
                print(f"page {number}: {len(page.data)} transactions, more: {page.has_next_page()}")

            # Or one step at a time, fetching the next page only when you decide to.
            if first.has_next_page():
                second = first.get_next_page()
                print(f"the second page starts with {second.data[0].id}")


if __name__ == "__main__":
    main()
