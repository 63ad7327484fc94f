"""A hypothesis strategy for "any value at all", shared by the tests that feed every
public function rubbish and expect only the library's errors back."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

_INTEGERS = st.integers(-5, 3000)
_DATES = st.dates(dt.date(2022, 1, 1), dt.date(2029, 1, 1))
_LIST_ITEMS = st.integers()


def anything(
    *extra: st.SearchStrategy[object],
    integers: st.SearchStrategy[int] = _INTEGERS,
    text_size: int = 4,
    dates: st.SearchStrategy[dt.date] = _DATES,
    list_items: st.SearchStrategy[object] = _LIST_ITEMS,
) -> st.SearchStrategy[object]:
    """None, booleans, numbers (NaN included), short text, dates and datetimes, short
    lists, a dict, and ``extra`` (the module's own enums or objects)."""
    return st.one_of(
        st.none(),
        st.booleans(),
        integers,
        st.floats(allow_nan=True),
        st.text(max_size=text_size),
        dates,
        st.datetimes(),
        st.lists(list_items, max_size=2),
        st.just({"a": 1}),
        *extra,
    )
