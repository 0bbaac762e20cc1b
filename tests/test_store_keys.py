"""The narrative keys a store keeps, read a key at a time by an update."""
from __future__ import annotations

from pathlib import Path

from headwater.store import Store


def test_narrative_ids_are_looked_up_one_at_a_time_and_new_ones_saved(tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        store.save_links({}, {}, {"a|said|x": "n1", "b|said|y": "n2"})
        read: list[str] = []
        store.db.set_trace_callback(read.append)
        ids = store.narrative_ids()
        assert len(ids) == 2 and ids["a|said|x"] == "n1" and "c|said|z" not in ids
        ids["c|said|z"] = f"n{len(ids) + 1}"
        assert len(ids) == 3 and ids["c|said|z"] == "n3"
        assert not any("SELECT key, id FROM narrative_keys" in q for q in read)  # never read whole
        assert ids.changes(ids) == {"c|said|z": "n3"}
        assert dict(ids) == {"a|said|x": "n1", "b|said|y": "n2", "c|said|z": "n3"}
        # a full link hands back every key (a dict): only what the store lacks is saved
        assert ids.changes({"a|said|x": "n1", "d|said|w": "n4"}) == {"d|said|w": "n4"}
        store.db.set_trace_callback(None)
        store.save_links({}, {}, ids.changes(ids))
        assert store.narrative_keys() == {"a|said|x": "n1", "b|said|y": "n2", "c|said|z": "n3"}
