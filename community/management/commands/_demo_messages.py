"""Demo direct messages for seed_demo: one accepted conversation between two adults who follow each other
(sam and maya_moves) and one message request (dr_amara to sam, who follows her but is not followed back).

Idempotent: a pair that already has a conversation is left alone. Goes through the services, so every message
is screened; only the new-account wait is skipped (the demo accounts are minutes old).
"""

from community.models import Conversation
from community.selectors import messages as message_selectors
from community.services import messages as message_services

ACCEPTED = (
    "sam",
    "maya_moves",
    [
        (
            "sam",
            "Hi Maya! I tried the affirmation dance this morning. I felt silly for ten seconds and then laughed, "
            "just like you said.",
        ),
        ("maya_moves", "That's exactly how it goes! Thank you for telling me, it made my day."),
        ("sam", "Same time tomorrow, then."),
    ],
)
REQUEST = (
    "dr_amara",
    "sam",
    "Hi Sam, thank you for your kind comment on my wind-down post. If a question about sleep comes up, you're "
    "welcome to ask me here.",
)


def seed_messages(users: dict) -> int:
    """Create the demo conversations that are missing; returns how many messages were sent."""
    sent = 0
    first, second, lines = ACCEPTED
    if first in users and second in users and not message_selectors.conversation_between(users[first], users[second]):
        conversation = None
        for handle, body in lines:
            if conversation is None:
                result = message_services.start_conversation(
                    actor=users[first], recipient=users[second], body=body, check_account_age=False
                )
                conversation = result.conversation
            elif conversation.status == Conversation.Status.ACCEPTED:
                message_services.send_message(actor=users[handle], conversation=conversation, body=body)
            else:
                break  # the demo follows changed and it became a request: its first message is enough
            sent += 1
    sender, recipient, body = REQUEST
    if (
        sender in users
        and recipient in users
        and not message_selectors.conversation_between(users[sender], users[recipient])
    ):
        message_services.start_conversation(
            actor=users[sender], recipient=users[recipient], body=body, check_account_age=False
        )
        sent += 1
    return sent
