"""A streaming chat in the terminal: type a line, watch the answer arrive token by token.
Ctrl-C cancels the answer being streamed (the chat goes on); Ctrl-D (end of input) quits.

    python examples/python/chat_cli.py
    python examples/python/chat_cli.py --stall-first 3   # the first answer hangs: press Ctrl-C

It runs against the embedded sandbox; with a real service, use ``Client()`` (it reads
CJHIRASHI_API_KEY and CJHIRASHI_BASE_URL).
"""

from __future__ import annotations

import argparse
from typing import Dict

from cjhirashi_agents import Client
from cjhirashi_agents.testing import Sandbox


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--stall-first",
        type=int,
        metavar="N",
        help="(sandbox) the first answer stops after N tokens, as a slow model's would",
    )
    args = parser.parse_args()

    with (
        Sandbox() as sandbox,
        Client(api_key=sandbox.api_key, base_url=sandbox.platform_url) as client,
    ):
        conversation = client.conversations.create(
            agent_id="agt_personal_001", title="Terminal chat"
        )
        first = True
        while True:
            try:
                line = input("you> ")
            except EOFError:
                break
            except KeyboardInterrupt:
                print("\n(Ctrl-C cancels an answer; Ctrl-D quits)")
                continue
            if not line.strip():
                continue

            headers: Dict[str, str] = {}
            if first and args.stall_first is not None:
                headers["X-Sandbox-Fault"] = f"stall_after={args.stall_first}"
            first = False

            print("assistant> ", end="", flush=True)
            try:
                # Leaving the `with` block closes the stream's connection, also on Ctrl-C.
                with conversation.send_message(line, extra_headers=headers) as stream:
                    for token in stream:
                        print(token, end="", flush=True)
                print(f"  ({stream.tokens_used} tokens)")
            except KeyboardInterrupt:
                # The SDK waits in short slices and checks for signals, so Ctrl-C interrupts
                # a stream at once, even while no token arrives.
                print(" [cancelled]")
    print("\nbye")


if __name__ == "__main__":
    main()
