"""Counting a journey as a person makes it: pages loaded, fields filled, and seconds.

A `Journey` wraps a Playwright page. Every document the page loads counts as a page (the
`load` event: a redirect after a form is one page, the one it lands on). Every box typed
in, radio chosen or box ticked through the journey's own methods counts as a field.

The seconds are the time the browser and the server really took, plus a person's time,
modelled with fixed figures rather than slept through (so the run stays quick):

- typing: `TYPING_SECONDS_PER_CHARACTER` a character (0.3 s: about 40 words a minute, an
  average typist on a desktop; 0.5 s on a phone's keyboard, `PHONE_TYPING`);
- each decision, a radio chosen, a box ticked, a button or a link pressed:
  `THINK_SECONDS_PER_DECISION` (2 s to read the choice and decide);
- each page loaded: `READ_SECONDS_PER_PAGE` (3 s to find where one is and what it asks).

So a figure is comparable from run to run and with a goal like "a GP refers in three
minutes", and says which part of the time is the person's.
"""

import time
from dataclasses import dataclass, field

from playwright.sync_api import Locator, Page

TYPING_SECONDS_PER_CHARACTER = 0.3
PHONE_TYPING_SECONDS_PER_CHARACTER = 0.5
THINK_SECONDS_PER_DECISION = 2.0
READ_SECONDS_PER_PAGE = 3.0


@dataclass
class Journey:
    name: str
    page: Page
    phone: bool = False
    pages: int = 0
    fields: int = 0
    characters: int = 0
    decisions: int = 0
    questions: int = 0
    urls: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    machine_seconds: float = 0.0

    def __post_init__(self) -> None:
        self.page.on("load", self._loaded)

    def _loaded(self, _page: Page) -> None:
        self.pages += 1
        self.urls.append(self.page.url)

    def open(self, url: str) -> None:
        """Follow a link from outside the service (a message's link)."""
        self.decisions += 1
        self.page.goto(url)

    def type(self, box: Locator, text: str) -> None:
        box.fill(text)
        self.fields += 1
        self.characters += len(text)

    def choose(self, option: Locator) -> None:
        option.check()
        self.fields += 1
        self.decisions += 1

    def press(self, control: Locator) -> None:
        """A link or a button that loads the next page."""
        self.decisions += 1
        with self.page.expect_navigation():
            control.click()

    def finish(self) -> "Journey":
        self.page.remove_listener("load", self._loaded)
        self.machine_seconds = time.monotonic() - self.started
        return self

    @property
    def person_seconds(self) -> float:
        per_character = (
            PHONE_TYPING_SECONDS_PER_CHARACTER if self.phone else TYPING_SECONDS_PER_CHARACTER
        )
        return (
            self.characters * per_character
            + self.decisions * THINK_SECONDS_PER_DECISION
            + self.pages * READ_SECONDS_PER_PAGE
        )

    @property
    def seconds(self) -> float:
        return self.machine_seconds + self.person_seconds

    def report(self) -> str:
        questions = f", {self.questions} questions" if self.questions else ""
        return (
            f"JOURNEY {self.name}: {self.pages} pages loaded, {self.fields} "
            f"field{'' if self.fields == 1 else 's'} filled"
            f"{questions}, {self.seconds:.0f} s ({self.machine_seconds:.1f} s browser and "
            f"server, {self.characters} characters typed, {self.decisions} decisions)"
        )
