"""The model base class: typed snake_case attributes built from wire dicts.

A model is made from the JSON the core decoded (camelCase for the platform, snake_case for
ops): keys become snake_case attributes, nested models and lists of models are built from
their annotations, money amounts become :class:`decimal.Decimal` and timestamps stay ``str``.
Fields the server sent that this version does not declare are kept as extra attributes.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import (
    Any,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Iterable,
    List,
    Optional,
    Tuple,
    Type,
    TypeVar,
    Union,
    get_type_hints,
)

if sys.version_info >= (3, 10):
    from types import UnionType

    _UNION_TYPES: tuple[Any, ...] = (Union, UnionType)
else:  # pragma: no cover
    _UNION_TYPES = (Union,)

from typing import get_args, get_origin

__all__ = ["BaseModel", "models_of", "register_native"]

M = TypeVar("M", bound="BaseModel")

_SNAKE: Dict[str, str] = {}


def snake(name: str) -> str:
    """``createdAt`` -> ``created_at`` (cached)."""
    out = _SNAKE.get(name)
    if out is None:
        from . import _native

        out = _native.snake_case(name)
        _SNAKE[name] = out
    return out


def to_decimal(value: Any) -> Decimal:
    """An exact amount: a float goes through its shortest round-trip text (as the core does)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _converter(tp: Any, build: str = "from_wire") -> Converter:
    """How a field's wire value becomes its attribute; nested models are made by the class
    method ``build`` (``from_wire`` for wire dicts, ``_from_native`` for native answers)."""
    origin = get_origin(tp)
    if origin in _UNION_TYPES:
        inner = [a for a in get_args(tp) if a is not type(None)]
        return _converter(inner[0], build) if len(inner) == 1 else _identity
    if origin in (list, List):
        (item,) = get_args(tp) or (Any,)
        conv = _converter(item, build)
        if conv is _identity:
            return _identity
        return lambda v: [conv(x) for x in v] if isinstance(v, list) else v
    if tp is Decimal:
        return lambda v: to_decimal(v) if isinstance(v, (int, float, str)) else v
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        make = getattr(tp, build)
        return lambda v: make(v) if isinstance(v, dict) else v
    return _identity


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class BaseModel:
    """A typed record with readable ``repr``, equality and :meth:`to_dict`."""

    _converters: ClassVar[Optional[Dict[str, Converter]]] = None
    _list_fields: ClassVar[Optional[FrozenSet[str]]] = None
    _native_spec: ClassVar[Optional[Tuple[Dict[str, None], Tuple[Tuple[str, Converter], ...]]]] = (
        None
    )

    def __init__(self, **fields: Any) -> None:
        lists = self._lists()
        for name in self._fields():
            value = fields.pop(name, None)
            setattr(self, name, [] if value is None and name in lists else value)
        for name, value in fields.items():
            setattr(self, name, value)

    @classmethod
    def _lists(cls) -> FrozenSet[str]:
        """The attributes annotated as a list (not ``Optional``): ``[]`` when the wire leaves
        them out, as the contract's ``default: []`` and the native answers have it."""
        lists = cls.__dict__.get("_list_fields")
        if lists is None:
            hints = get_type_hints(cls)
            lists = frozenset(n for n in cls._fields() if get_origin(hints[n]) in (list, List))
            cls._list_fields = lists
        return lists

    @classmethod
    def _fields(cls) -> Dict[str, Converter]:
        conv = cls.__dict__.get("_converters")
        if conv is None:
            hints = get_type_hints(cls)
            conv = {
                name: _converter(tp)
                for name, tp in hints.items()
                if not name.startswith("_") and get_origin(tp) is not ClassVar
            }
            cls._converters = conv
        return conv

    @classmethod
    def from_wire(cls: Type[M], data: Dict[str, Any]) -> M:
        """Builds the model from a decoded JSON object.

        Args:
            data: The object as on the wire (camelCase or snake_case keys); keys this model
                does not declare are kept as extra attributes.

        Returns:
            The model.

        The instance dict is filled directly (no ``__init__`` keyword round trip): this runs
        once per item of every list the API returns.
        """
        conv = cls._fields()
        obj = cls.__new__(cls)
        fields = obj.__dict__
        fields.update(dict.fromkeys(conv))
        for key, value in data.items():
            name = _SNAKE.get(key) or snake(key)
            c = conv.get(name)
            fields[name] = value if c is None or c is _identity or value is None else c(value)
        for name in cls._lists():
            if fields[name] is None:
                fields[name] = []
        return obj

    @classmethod
    def _spec(cls) -> Tuple[Dict[str, None], Tuple[Tuple[str, Converter], ...]]:
        """Every declared attribute set to ``None``, and the converters of the attributes that
        hold nested models or amounts (what a native answer still needs)."""
        spec = cls.__dict__.get("_native_spec")
        if spec is None:
            hints = get_type_hints(cls)
            nested = tuple(
                (name, _converter(hints[name], "_from_native"))
                for name, conv in cls._fields().items()
                if conv is not _identity
            )
            spec = (dict.fromkeys(cls._fields()), nested)
            cls._native_spec = spec
        return spec

    @classmethod
    def _from_native(cls: Type[M], data: Any) -> M:
        """Builds the model from an answer of the native module, whose struct fields already
        carry their snake_case attribute names: the dict is taken over whole and only fields
        that hold nested models or amounts are converted. A registered model arrives built
        (see :func:`register_native`) and is returned as it is."""
        if type(data) is cls:
            return data
        spec = cls._spec()
        obj = cls.__new__(cls)
        fields = obj.__dict__
        fields.update(spec[0])
        fields.update(data)
        for name, conv in spec[1]:
            value = fields[name]
            if value is not None:
                fields[name] = conv(value)
        return obj

    def to_dict(self) -> Dict[str, Any]:
        """The model as plain Python data (snake_case keys, nested models as dicts)."""
        return {k: _plain(v) for k, v in vars(self).items() if not k.startswith("_")}

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_") and v is not None
        )
        return f"{type(self).__name__}({fields})"


def register_native(service: str, classes: Iterable[Type[BaseModel]]) -> None:
    """Lets the native module build these model classes itself from the core's typed answers
    (each class is matched by name with the core's struct): it fills the instance dict with the
    declared attributes and applies the converters of :meth:`BaseModel._spec`, which it asks
    for the first time it meets the struct."""
    from . import _native

    _native.register_models(service, {cls.__name__: cls for cls in classes})


def models_of(module: Any, exclude: Iterable[Type[BaseModel]] = ()) -> List[Type[BaseModel]]:
    """The plain-data model classes a module defines."""
    skip = set(exclude)
    return [
        cls
        for cls in vars(module).values()
        if isinstance(cls, type)
        and issubclass(cls, BaseModel)
        and cls.__module__ == module.__name__
        and cls not in skip
    ]
