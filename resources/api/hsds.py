"""The read-only Open Referral HSDS 3.0 API at /api/hsds/."""

urlpatterns = []
