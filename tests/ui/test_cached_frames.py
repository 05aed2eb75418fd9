"""ui.data.cached_frames keeps big results without copying them, so a caller that changes the
frame it got must not change what the next caller gets."""

from dataclasses import dataclass

import pandas as pd

from ui import data


@dataclass(frozen=True)
class Result:
    table: pd.DataFrame
    status: str


def test_a_caller_changing_its_frame_leaves_the_cached_one_alone() -> None:
    calls: list[int] = []

    @data.cached_frames
    def table(n: int) -> pd.DataFrame:
        calls.append(n)
        return pd.DataFrame({"x": range(n)})

    first = table(3)
    first.loc[0, "x"] = 9
    first["y"] = 1
    again = table(3)
    assert again.to_dict("list") == {"x": [0, 1, 2]}
    assert calls == [3]


def test_frames_inside_a_dataclass_are_protected_too() -> None:
    @data.cached_frames
    def result() -> Result:
        return Result(pd.DataFrame({"x": [1, 2]}), "ok")

    got = result()
    got.table.loc[1, "x"] = 0
    assert result().table["x"].tolist() == [1, 2]
    assert result().status == "ok"


def test_clear_forgets_cached_frames() -> None:
    calls: list[int] = []

    @data.cached_frames
    def table() -> pd.DataFrame:
        calls.append(1)
        return pd.DataFrame({"x": [1]})

    table()
    data.clear()
    table()
    assert calls == [1, 1]
