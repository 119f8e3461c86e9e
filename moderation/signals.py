"""What moderation tells the rest of Hearten, without importing any of it (DESIGN.md: moderation imports no
other app). Receivers connect in their own app's ready()."""

from django.dispatch import Signal

# A moderator hid or published registered content again. Sent inside the decision's transaction, with
# `obj` (the content), `action` ("hide" or "restore"), `actor` (the moderator), `reason` (why it was hidden;
# "" for a restore) and `before` (its visibility until then). Receivers that tell anyone do it on commit.
content_decided = Signal()
