from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from .services import notifications


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, subject: str, body: str, to: list[str], from_email: str, html: str | None = None) -> int:
    """Send one rendered email. Callers pass kwargsrepr so bodies (with their links) never reach the logs."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


@shared_task
def send_notification_email(*, notification_id: int) -> int:
    """The immediate email about one notification; sends nothing twice however often it runs."""
    return notifications.email_notification(notification_id=notification_id)


@shared_task
def send_notification_emails() -> int:
    """Periodic: daily digests at each person's hour, and immediate emails held back by quiet hours."""
    return notifications.send_due_emails()


@shared_task
def send_chat_reminders() -> int:
    """Periodic: tell each circle's members that its support chat starts within 15 minutes (once per session)."""
    from .services.circles import remind_upcoming_chats

    return remind_upcoming_chats()
