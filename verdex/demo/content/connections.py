"""Wording for demo connection requests and their follow-up notes.

``{title}`` is the listing asked about; ``{org}`` the requester's organisation or name.
"""

REQUEST_MESSAGES = [
    "Hello, we came across “{title}” while looking for options for a project we are "
    "preparing. Could you share references from similar sites and an indication of price?",
    "We at {org} are interested in “{title}”. Is it available in our country, and would you "
    "consider a pilot with us in the coming year?",
    "Dear colleague, “{title}” looks like a good fit for a problem we have posted on Verdex. "
    "Could we set up a short call to discuss technical requirements?",
    "Our board has asked us to compare a few technologies before the next budget round. "
    "Could you send a datasheet and any performance data for “{title}”?",
    "We would like to explore licensing “{title}” for local manufacture. What terms do you "
    "usually offer, and do you provide training?",
    "Greetings from {org}. We run a programme that could deploy “{title}” at several sites. "
    "Would you be open to a joint proposal to a climate fund?",
    "Hi, I'm following up on a conversation at a recent conference. We'd like to know more "
    "about maintenance needs and local service options for “{title}”.",
    "We are drafting terms of reference for a tender and want to make sure solutions like "
    "“{title}” can compete. Could you review our technical specification?",
]

STAGE_NOTES = {
    "accepted": [
        "Thanks for getting in touch — happy to talk. I've shared our datasheet and some "
        "references.",
        "Glad to hear from you. Let's schedule a call next week; my colleague from engineering "
        "will join.",
    ],
    "in_discussion": [
        "We had a good first call. Next step: a site visit and a draft budget.",
        "Technical questions answered; we are now discussing a pilot size and timeline.",
    ],
    "agreement": [
        "We have signed a pilot agreement covering two sites and training for local staff.",
        "Licence term sheet agreed; lawyers are finalising the contract.",
    ],
    "deployed": [
        "The first units are installed and running. Thank you for the smooth collaboration.",
        "Commissioning completed; we will share performance data after the first season.",
    ],
    "closed": [
        "We have decided to pause this for now because the funding round was postponed.",
        "Thank you for your time — we will keep your details for future projects.",
    ],
    "declined": [
        "Thank you for your interest. Unfortunately we cannot support projects in your region "
        "at present.",
        "We appreciate the request, but the technology is not yet ready for field deployment.",
    ],
}
