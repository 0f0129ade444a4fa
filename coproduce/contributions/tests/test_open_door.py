from django.test import Client
from django.urls import reverse

from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.tenancy.models import Organisation


def test_anyone_can_tell_an_organisation_something_anonymously(org_a: Organisation) -> None:
    url = reverse("contributions:open-door", args=[org_a.slug])
    response = Client().post(url, {"text": "The helpline is never answered on Fridays"})
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.organisation == org_a
    assert contribution.project is None
    assert contribution.person is None
    assert contribution.privacy == Privacy.ANONYMOUS
    assert contribution.channel == ContributionChannel.OPEN_DOOR


def test_an_empty_message_is_refused(org_a: Organisation) -> None:
    response = Client().post(reverse("contributions:open-door", args=[org_a.slug]), {"text": ""})
    assert response.status_code == 400
    assert "Enter what you would like to tell us" in response.content.decode()


def test_an_unknown_organisation_is_not_found(db: None) -> None:
    assert Client().get(reverse("contributions:open-door", args=["nowhere"])).status_code == 404
