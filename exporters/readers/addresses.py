"""One checker for every address a leaflet gives, from the front matter or from the text.

Every address becomes a live link in the web page, the e-book, the PDF and the Word file, so
each one is checked the same way wherever it was written: web pages by secure https only, with
no user name or password in front of the site (`https://www.nhs.uk@elsewhere.example` leads to
elsewhere.example); email addresses with nothing after them (`?bcc=` would copy the email to
strangers); phone numbers of digits. A refusal says what is wrong and what to write instead.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MAX_ADDRESS_LENGTH = 2000  # longer addresses cannot be typed from paper, nor do browsers keep them
_HOST_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_HOST = re.compile(rf"^{_HOST_LABEL}(?:\.{_HOST_LABEL})+$")
_EMAIL = re.compile(rf"^[A-Za-z0-9.!#$'*+/=^_{{|}}~-]+@{_HOST_LABEL}(?:\.{_HOST_LABEL})+$")
_PHONE = re.compile(r"^\+?[0-9(][0-9 ().-]*$")  # brackets and hyphens group digits (RFC 3966)
_PHONE_DIGITS = (3, 20)  # 111 and 999 are the shortest numbers; E.164 allows 15, with room for area codes
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:(?:[\\/]|%5C)|\\\\|%5C%5C)", re.IGNORECASE)  # S:\..., \\server
RUNS_A_PROGRAM = ("javascript", "vbscript", "data")


class AddressProblem(Exception):
    """Why an address was refused (`message`, to follow "The address ...") and what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def shown(address: str, limit: int = 80) -> str:
    """The address as a message quotes it: a very long one is cut short."""
    return address if len(address) <= limit else address[: limit - 1] + "…"


def web_address(address: str) -> str:
    """A secure web address, or AddressProblem."""
    address = address.strip()
    scheme = _scheme(address)
    if scheme != "https":
        raise _not_a_web_page(address, scheme)
    if len(address) > MAX_ADDRESS_LENGTH:
        raise AddressProblem(
            f"is {len(address):,} characters long, far too long for a reader to type from paper",
            "Link to the page's own short address, or to the home page of the site.",
        )  # fmt: skip
    if re.search(r"[\s\\<>\"]", address):
        raise AddressProblem(
            "has a space, a backslash or a quote mark in it, which a web address cannot have",
            "Copy the address again from the browser's address bar.",
        )  # fmt: skip
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise AddressProblem("is not a web address that a browser can open",
                             "Copy the address again from the browser's address bar.") from None  # fmt: skip
    if "@" in parts.netloc:
        site = parts.netloc.rsplit("@", 1)[1]
        raise AddressProblem(
            f"leads to '{shown(site, 40)}', not to the site written before the '@': a name or password "
            "in front of a site's name is a trick used to make a link look like another",
            "Write only the site's own address, such as https://www.nhs.uk/conditions/.",
        )  # fmt: skip
    if not parts.hostname or not _HOST.match(parts.hostname):
        raise AddressProblem("has no site name after 'https://'",
                             "Write the whole address, such as https://www.nhs.uk/conditions/.")  # fmt: skip
    return address


def email_address(address: str) -> str:
    """A plain email address (a 'mailto:' in front is allowed and dropped), or AddressProblem."""
    plain = re.sub(r"^mailto:", "", address.strip(), flags=re.IGNORECASE)
    if "?" in plain or "&" in plain:
        raise AddressProblem(
            "has something after the address ('?...'), which could copy the email to other people "
            "or fill in its words without the reader knowing",
            "Write only the address, such as enquiries@example.nhs.uk.",
        )  # fmt: skip
    if len(plain) > 254 or not _EMAIL.match(plain):
        raise AddressProblem(
            "is not an email address", "Write one address, such as enquiries@example.nhs.uk, with no spaces."
        )
    return plain


def phone_number(number: str) -> str:
    """A phone number of digits, perhaps grouped by spaces, brackets or hyphens and starting with +;
    or AddressProblem. Letters, ';', ',' or '?' (which a phone link would take as settings or
    pauses) are refused."""
    number = number.strip()
    digits = sum(character.isdigit() for character in number)
    if not _PHONE.match(number) or not _PHONE_DIGITS[0] <= digits <= _PHONE_DIGITS[1]:
        raise AddressProblem(
            "is not a phone number made of digits",
            "Write the number with digits and spaces, such as 0113 243 3144 or +44 113 243 3144 "
            "(brackets and hyphens may group them); put opening hours or extensions in the text.",
        )  # fmt: skip
    return number


def link_target(href: str) -> str:
    """The address of a link in the text: https, mailto, tel or a #heading; or AddressProblem."""
    href = href.strip()
    if href.startswith("#"):
        return href
    scheme = _scheme(href)
    if scheme == "mailto":
        return "mailto:" + email_address(href)
    if scheme == "tel":
        return "tel:" + phone_number(href[4:])
    return web_address(href)


def _scheme(address: str) -> str:
    if _WINDOWS_PATH.match(address):
        return "file"
    found = _SCHEME.match(address)
    return found.group(1).lower() if found else ""


def _not_a_web_page(address: str, scheme: str) -> AddressProblem:
    if scheme in RUNS_A_PROGRAM:
        return AddressProblem(
            f"is a '{scheme}:' address, which can run a program or hide content inside the link",
            "A leaflet links only to web pages (https://...), email (mailto:...) and phone numbers "
            "(tel:...): link to the web page that has this content.",
        )  # fmt: skip
    if scheme == "file":
        return AddressProblem(
            "points at a file on a computer or a shared drive, which readers cannot open",
            "Put the document on your organisation's website and link to its https:// address, "
            "or name it in words, such as 'ask us for the booking form'.",
        )  # fmt: skip
    if scheme == "http":
        return AddressProblem("is not secure (http://), so a reader's browser may warn or block it",
                              "Use the https:// address of the page; most sites have one.")  # fmt: skip
    if scheme:
        return AddressProblem(
            f"is a '{scheme}:' address, which not every reader can open",
            "Link to a web page (https://...), an email (mailto:...) or a phone (tel:...).",
        )
    if re.match(r"^(?:www\.|[\w-]+\.(?:uk|org|com|net|nhs)\b)", address, re.IGNORECASE):
        return AddressProblem("has no 'https://' in front",
                              f"Write the whole address: https://{shown(address, 40)}")  # fmt: skip
    return AddressProblem(
        "is not a web address: it looks like a file or a page of a site without the site's name",
        "Write the whole address starting with https://, or link to a heading of this leaflet with #name.",
    )  # fmt: skip
