"""Avatars go through the safe image pipeline: re-encoded, shrunk, stripped of metadata, or refused with a reason."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from community import services
from community.models import User

SETTINGS = "/settings/"
ME = "/api/v1/me/"


# --- Files, made in memory ----------------------------------------------------------------------


def png_bytes(size=(64, 48), color=(200, 40, 90)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def jpeg_with_exif(size=(1200, 800), orientation=None) -> bytes:
    """A photo carrying the camera make and a GPS position, as phones write them."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.Base.Model] = "Serial 0042"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    out = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes whose IHDR claims a huge image: nothing that large is ever allocated."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + _chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'

# (name, bytes, content type, words the refusal must contain)
REFUSED = {
    "text-named-png": ("photo.png", b"just some words, not a picture\n" * 10, "image/png", "not an image"),
    "truncated-png": ("cut.png", png_bytes((400, 400))[:120], "image/png", "damaged or incomplete"),
    "huge-dimensions": ("huge.png", png_header_claiming(20_000, 20_000), "image/png", "too many pixels"),
    "too-wide": ("wide.png", png_header_claiming(12_000, 100), "image/png", "12000×100 pixels, which is too large"),
    "too-many-bytes": (
        "big.png",
        png_bytes().ljust(30 * 1024 * 1024, b"\x00"),
        "image/png",
        "30.0 MB; images can be at most 8 MB",
    ),
    "svg": ("logo.svg", SVG, "image/svg+xml", "Upload a JPEG, PNG, WebP or GIF"),
}


def upload(name: str, content: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def files_under(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def profile_form(user: User, **changes) -> dict:
    """What the settings form posts back for `user`, with `changes` typed in."""
    data = {
        "display_name": user.display_name,
        "pronouns": user.pronouns,
        "bio": user.bio,
        "avatar_alt": user.avatar_alt,
        "country": "",
        "language": "",
        "time_zone": user.time_zone,
        "profile_visibility": user.profile_visibility,
        "messages_from": user.messages_from,
        "sensitive_content": user.sensitive_content,
    }
    data.update(changes)
    return data


def stored_image(settings, user: User) -> Image.Image:
    user.refresh_from_db()
    assert user.avatar.name.startswith("avatars/") and user.avatar.name.endswith(".webp")
    path = settings.MEDIA_ROOT / user.avatar.name
    assert path.is_file()
    image = Image.open(path)
    image.load()
    return image


# --- Accepted uploads ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_png_from_the_settings_page_is_stored_as_webp(client, member, settings):
    client.force_login(member)
    response = client.post(
        SETTINGS,
        profile_form(member, avatar=upload("me.png", png_bytes((900, 600))), avatar_alt="A pink square"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = stored_image(settings, member)
    assert image.format == "WEBP"
    assert image.size == (512, 341)
    assert member.avatar_alt == "A pink square"
    assert files_under(settings.MEDIA_ROOT) == [settings.MEDIA_ROOT / member.avatar.name]


@pytest.mark.django_db
def test_jpeg_location_and_camera_details_are_removed(client, member, settings):
    original = jpeg_with_exif()
    with Image.open(io.BytesIO(original)) as source:  # the test photo really carries them
        assert source.getexif()[ExifTags.Base.Make] == "SpyCam"
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    client.force_login(member)
    response = client.post(
        SETTINGS, profile_form(member, avatar=upload("holiday.jpg", original, "image/jpeg"), avatar_alt="Me")
    )
    assert response.status_code == 302
    image = stored_image(settings, member)
    assert max(image.size) <= 512
    assert not image.getexif()
    assert "exif" not in image.info and "xmp" not in image.info
    stored = (settings.MEDIA_ROOT / member.avatar.name).read_bytes()
    assert b"SpyCam" not in stored and b"Serial 0042" not in stored


@pytest.mark.django_db
def test_exif_orientation_is_applied_before_it_is_dropped(client, member, settings):
    """A phone photo taken upright stays upright even though the orientation tag is gone."""
    client.force_login(member)
    photo = jpeg_with_exif(size=(600, 300), orientation=6)  # stored landscape, shown rotated 90°
    client.post(SETTINGS, profile_form(member, avatar=upload("p.jpg", photo, "image/jpeg"), avatar_alt="Me"))
    assert stored_image(settings, member).size == (256, 512)


@pytest.mark.django_db
def test_api_accepts_a_multipart_avatar(api_client, member, settings):
    api_client.force_authenticate(member)
    response = api_client.patch(
        ME, {"avatar": upload("me.png", png_bytes()), "avatar_alt": "A pink square"}, format="multipart"
    )
    assert response.status_code == 200, response.content
    assert response.json()["avatar"].endswith(".webp")
    assert stored_image(settings, member).size == (64, 48)


@pytest.mark.django_db
def test_avatar_without_a_description_is_refused_on_the_page(client, member, settings):
    client.force_login(member)
    response = client.post(SETTINGS, profile_form(member, avatar=upload("me.png", png_bytes()), avatar_alt="  "))
    assert response.status_code == 400
    assert "Describe your picture in a few words" in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_avatar_without_a_description_is_refused_by_the_api(api_client, member, settings):
    api_client.force_authenticate(member)
    response = api_client.patch(ME, {"avatar": upload("me.png", png_bytes())}, format="multipart")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["avatar_alt"]
    assert files_under(settings.MEDIA_ROOT) == []


# --- Refused uploads ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_settings_page_refuses_bad_files_and_keeps_what_was_typed(client, member, settings, case):
    name, content, content_type, reason = case
    client.force_login(member)
    before = User.objects.values().get(pk=member.pk)
    response = client.post(
        SETTINGS,
        profile_form(
            member, display_name="Typed Just Now", avatar=upload(name, content, content_type), avatar_alt="Me"
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert reason in html
    assert 'value="Typed Just Now"' in html
    assert User.objects.values().get(pk=member.pk) == before
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
@pytest.mark.parametrize("case", REFUSED.values(), ids=REFUSED.keys())
def test_api_refuses_bad_files_under_the_avatar_field(api_client, member, settings, case):
    name, content, content_type, reason = case
    api_client.force_authenticate(member)
    response = api_client.patch(
        ME,
        {"display_name": "Typed Just Now", "avatar": upload(name, content, content_type), "avatar_alt": "Me"},
        format="multipart",
    )
    assert response.status_code == 400
    body = response.json()
    assert list(body["errors"]) == ["avatar"]
    assert reason in body["errors"]["avatar"][0]
    member.refresh_from_db()
    assert member.display_name != "Typed Just Now" and not member.avatar
    assert files_under(settings.MEDIA_ROOT) == []


# --- Replacing and removing ---------------------------------------------------------------------


@pytest.mark.django_db
def test_replacing_an_avatar_deletes_the_old_file_after_commit(
    client, member, settings, django_capture_on_commit_callbacks
):
    services.update_profile(
        actor=member, user=member, data={"avatar_alt": "First"}, avatar=upload("a.png", png_bytes())
    )
    old_path = settings.MEDIA_ROOT / member.avatar.name
    assert old_path.is_file()

    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            SETTINGS, profile_form(member, avatar=upload("b.png", png_bytes(color=(0, 0, 0))), avatar_alt="Second")
        )
    assert response.status_code == 302
    new_path = settings.MEDIA_ROOT / User.objects.get(pk=member.pk).avatar.name
    assert new_path != old_path and new_path.is_file()
    assert old_path.is_file()  # not before the row is committed
    assert len(callbacks) == 1
    callbacks[0]()
    assert not old_path.exists()
    assert files_under(settings.MEDIA_ROOT) == [new_path]


@pytest.mark.django_db
def test_replacing_through_the_api_leaves_one_file(api_client, member, settings, django_capture_on_commit_callbacks):
    api_client.force_authenticate(member)
    api_client.patch(ME, {"avatar": upload("a.png", png_bytes()), "avatar_alt": "Me"}, format="multipart")
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.patch(ME, {"avatar": upload("b.png", png_bytes((10, 10)))}, format="multipart")
    assert response.status_code == 200
    member.refresh_from_db()
    assert files_under(settings.MEDIA_ROOT) == [settings.MEDIA_ROOT / member.avatar.name]


@pytest.mark.django_db
def test_removing_the_avatar_deletes_the_file(client, member, settings, django_capture_on_commit_callbacks):
    services.update_profile(actor=member, user=member, data={"avatar_alt": "Me"}, avatar=upload("a.png", png_bytes()))
    path = settings.MEDIA_ROOT / member.avatar.name
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SETTINGS, profile_form(member, remove_avatar="on"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.avatar
    assert not path.exists()
    assert files_under(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_removing_through_the_api_deletes_the_file(api_client, member, settings, django_capture_on_commit_callbacks):
    services.update_profile(actor=member, user=member, data={"avatar_alt": "Me"}, avatar=upload("a.png", png_bytes()))
    path = settings.MEDIA_ROOT / member.avatar.name
    api_client.force_authenticate(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.patch(ME, {"remove_avatar": True}, format="json")
    assert response.status_code == 200
    assert response.json()["avatar"] is None
    assert not path.exists()


@pytest.mark.django_db
def test_a_refused_replacement_keeps_the_current_avatar(client, member, settings):
    services.update_profile(actor=member, user=member, data={"avatar_alt": "Me"}, avatar=upload("a.png", png_bytes()))
    path = settings.MEDIA_ROOT / member.avatar.name
    client.force_login(member)
    response = client.post(SETTINGS, profile_form(member, avatar=upload("x.svg", SVG, "image/svg+xml")))
    assert response.status_code == 400
    member.refresh_from_db()
    assert settings.MEDIA_ROOT / member.avatar.name == path
    assert files_under(settings.MEDIA_ROOT) == [path]
