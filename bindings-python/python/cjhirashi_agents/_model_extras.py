"""Hand-written behaviour of platform models (mixed into the generated classes of ``models.py``).

``scripts/gen_python.py`` reads this module: a class named like a model is mixed into that
model (its methods and ``repr``); a class that derives from one (``AsyncConversation``) becomes
a model of its own, the async variant of a handle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List, Optional

if TYPE_CHECKING:
    from ._streaming import AsyncMessageStream, MessageStream


class ApiKey:
    """``repr`` hides the key."""

    if TYPE_CHECKING:
        expires_at: Optional[str]

    def __repr__(self) -> str:
        return f"ApiKey(api_key='[REDACTED]', expires_at={self.expires_at!r})"


class Conversation:
    """A handle: ``send_message`` and ``stream`` call the conversations resource again."""

    if TYPE_CHECKING:
        id: str
        messages: List[Any]

    _resource: Any = None

    def _attach(self, resource: Any) -> None:
        self._resource = resource
        self.messages = self.messages or []

    def send_message(self, content: str, **options: Any) -> MessageStream:
        """Sends ``content`` and streams the answer token by token
        (``POST /api/conversations/{id}/messages``).

        Args:
            content: The message text.
            **options: Per-request options (``timeout``, ``max_retries``, ...).

        Returns:
            MessageStream: Iterating yields ``str`` tokens.

        Raises:
            RuntimeError: The conversation was not made by a client.
            NotFoundError: The conversation no longer exists (404).
            IncompleteStreamError: The stream ended before its ``done`` event.

        Example:
            >>> for token in conv.send_message("¿Cuánto gasté este mes?"):
            ...     print(token, end="")
        """
        return self._bound().send_message(self.id, content, **options)  # type: ignore[no-any-return]

    def stream(self, **options: Any) -> MessageStream:
        """Streams the answer to the newest user message (e.g. the ``initial_message``)."""
        return self._bound().stream(self.id, **options)  # type: ignore[no-any-return]

    def _bound(self) -> Any:
        if self._resource is None:
            raise RuntimeError("this conversation is not attached to a client")
        return self._resource


class AsyncConversation(Conversation):
    """A conversation of the async client: ``send_message`` gives an async token stream."""

    def send_message(self, content: str, **options: Any) -> AsyncMessageStream:  # type: ignore[override]
        """Sends ``content`` and streams the answer token by token (``async for``).

        Args:
            content: The message text.
            **options: Per-request options (``timeout``, ``max_retries``, ...).
        """
        return self._bound().send_message(self.id, content, **options)  # type: ignore[no-any-return]

    def stream(self, **options: Any) -> AsyncMessageStream:  # type: ignore[override]
        """Streams the answer to the newest user message (``async for``)."""
        return self._bound().stream(self.id, **options)  # type: ignore[no-any-return]
