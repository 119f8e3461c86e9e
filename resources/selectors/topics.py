"""The topic taxonomy as a tree, built from one list of topics already loaded: no queries of its own.

Pages, search and the help page all walk the same tree (a topic with its sub-topics, the tree in reading
order, how deep a topic sits); they load the topics once and walk them here.
"""

from collections.abc import Iterable

from ..models import Topic


class TopicTree:
    """Topics by parent, siblings in position order (ties keep the order they were loaded in)."""

    def __init__(self, topics: Iterable[Topic]):
        self.topics = list(topics)
        self.by_id = {topic.pk: topic for topic in self.topics}
        self.by_slug = {topic.slug: topic for topic in self.topics}
        self._children: dict[int | None, list[Topic]] = {}
        for topic in sorted(self.topics, key=lambda topic: topic.position):
            self._children.setdefault(topic.parent_id, []).append(topic)

    def get(self, slug: str) -> Topic | None:
        return self.by_slug.get(slug)

    def _topic(self, key) -> Topic | None:
        """A topic from itself, its id or its slug."""
        if isinstance(key, Topic):
            return key
        if isinstance(key, int):
            return self.by_id.get(key)
        return self.by_slug.get(key)

    @property
    def roots(self) -> list[Topic]:
        return self._children.get(None, [])

    def children(self, topic) -> list[Topic]:
        found = self._topic(topic)
        return self._children.get(found.pk, []) if found is not None else []

    def ordered(self, root=None) -> list[Topic]:
        """Depth-first, each topic before its sub-topics: the whole tree, or `root` and everything below it."""
        if root is None:
            start = self.roots
        else:
            found = self._topic(root)
            start = [found] if found is not None else []
        ordered, seen, stack = [], set(), list(reversed(start))
        while stack:
            topic = stack.pop()
            if topic.pk in seen:  # a parent loop, made by hand in the admin: walk each topic once
                continue
            seen.add(topic.pk)
            ordered.append(topic)
            stack.extend(reversed(self._children.get(topic.pk, [])))
        return ordered

    def subtree_ids(self, topic) -> set[int]:
        """The ids of a topic (given as itself, its id or its slug) and of every topic below it; none if unknown."""
        return {found.pk for found in self.ordered(topic)} if self._topic(topic) is not None else set()

    def ancestors(self, topic) -> list[Topic]:
        """The topics above this one, the top one first."""
        found, ancestors = self._topic(topic), []
        if found is None:
            return ancestors
        seen, parent_id = {found.pk}, found.parent_id
        while parent_id in self.by_id and parent_id not in seen:
            seen.add(parent_id)
            ancestors.insert(0, self.by_id[parent_id])
            parent_id = self.by_id[parent_id].parent_id
        return ancestors

    def depth(self, topic) -> int:
        """0 for a top topic, 1 for its sub-topics, and so on."""
        return len(self.ancestors(topic))
