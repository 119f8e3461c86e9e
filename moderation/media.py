"""The safe image pipeline: every uploaded image is decoded, checked and re-encoded before it is stored.

Re-encoding drops EXIF (locations, device serials) and anything hidden after the image data; the
size and pixel limits keep decompression bombs out. Nothing is written to storage here: the caller
saves the returned file inside its own transaction.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def clean_image(upload, *, max_side: int = 2048) -> ContentFile:
    """Return a re-encoded WebP copy of `upload`, or raise ValidationError saying what is wrong."""
    max_bytes = settings.HEARTEN_IMAGE_MAX_BYTES
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s MB; images can be at most %(max)s MB.")
            % {"size": round(upload.size / 1_048_576, 1), "max": max_bytes // 1_048_576},
            code="too_large",
        )
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            # Pillow refuses these while reading the header: say it is too big, not that it is no image.
            raise ValidationError(
                _("This image has too many pixels. Use one under 10,000 pixels a side."),
                code="too_many_pixels",
            ) from None
        except (UnidentifiedImageError, OSError):
            raise ValidationError(
                _("This file is not an image we can use. Upload a JPEG, PNG, WebP or GIF picture."),
                code="not_an_image",
            ) from None
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(
                _("%(format)s files are not accepted. Upload a JPEG, PNG, WebP or GIF picture.")
                % {"format": image.format or _("These")},
                code="format",
            )
        width, height = image.size
        if width * height > settings.HEARTEN_IMAGE_MAX_PIXELS or max(width, height) > 10_000:
            raise ValidationError(
                _("This image is %(width)s×%(height)s pixels, which is too large. Use one under 10,000 pixels a side.")
                % {"width": width, "height": height},
                code="too_many_pixels",
            )
        try:
            image.load()
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(
                _("This image is damaged or incomplete. Try saving it again or choose another one."),
                code="damaged",
            ) from None

    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P"} else "RGB")
    image.thumbnail((max_side, max_side))
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")
