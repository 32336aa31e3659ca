"""Queue a refresh of the statistics snapshot when a write changes what it counts (read-only: no writes here)."""

from . import snapshots


def listing_saved(sender, instance, raw=False, **kwargs):
    # Published now, or once (withdrawn, unpublished, deleted): drafts never counted.
    if not raw and (instance.is_published or instance.published_at):
        snapshots.request_refresh()


def listing_deleted(sender, instance, **kwargs):
    if instance.is_published:
        snapshots.request_refresh()


def connection_changed(sender, instance, raw=False, **kwargs):
    """A connection made, moved to another stage, agreed or declined (all save the connection)."""
    if not raw:
        snapshots.request_refresh()
