"""What activities announce to the apps above them."""

from django.dispatch import Signal

# A reply to the after-meeting reach-out arrived (keyword `reply`: the FollowUpReply).
# Contributions records it as a contribution to the project, in the same transaction.
follow_up_received = Signal()
