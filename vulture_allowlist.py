"""Names vulture reports that are in use (or known dead, listed to be removed); see pyproject.

Reviewed by hand: each group says why its names are not dead. Run `vulture` after removing
a line to see it reported again. `_` stands for "an attribute of some object".
"""
# ruff: noqa
# fmt: off

_ = object

# Called by Django, a library or a protocol by name: AppConfigs, middleware, the database
# router and the logging formatter are named in settings.py; upload-handler, Prometheus
# collector, syndication and manager hooks are called by the framework; XML-RPC methods keep
# their published signature (appkey) whether or not they read every argument.
AccountsConfig  # unused class (chaikhana/accounts/apps.py)
UserLanguageMiddleware  # unused class (chaikhana/accounts/middleware.py)
_.get_by_natural_key  # unused method (chaikhana/accounts/models.py)
BlogsConfig  # unused class (chaikhana/blogs/apps.py)
BlogHostMiddleware  # unused class (chaikhana/blogs/middleware.py)
CommentsConfig  # unused class (chaikhana/comments/apps.py)
CoreConfig  # unused class (chaikhana/core/apps.py)
ReplicaRouter  # unused class (chaikhana/core/db_router.py)
ReadYourWritesMiddleware  # unused class (chaikhana/core/db_router.py)
JsonFormatter  # unused class (chaikhana/core/logging.py)
_.collect  # unused method (chaikhana/core/metrics.py)
CoursesConfig  # unused class (chaikhana/courses/apps.py)
FederationConfig  # unused class (chaikhana/federation/apps.py)
IndieAuthConfig  # unused class (chaikhana/indieauth/apps.py)
LinkbacksConfig  # unused class (chaikhana/linkbacks/apps.py)
WebhooksConfig  # unused class (chaikhana/webhooks/apps.py)
EndpointHeadersMiddleware  # unused class (chaikhana/linkbacks/middleware.py)
ActivityStreamsMiddleware  # unused class (chaikhana/federation/middleware.py)
MediaConfig  # unused class (chaikhana/media/apps.py)
_.receive_data_chunk  # unused method (chaikhana/media/uploads.py)
handler403  # Django reads it from the root URLconf (chaikhana/urls.py)
handler400  # Django reads the error handlers from the URLconf (chaikhana/urls.py, urls_blog_host.py)
handler404
handler500
csrf_failure  # settings.CSRF_FAILURE_VIEW (chaikhana/core/error_pages.py)
content_security_policy  # called by settings.py, which vulture does not read
_.file_complete  # unused method (chaikhana/media/uploads.py)
file_size  # unused variable (chaikhana/media/uploads.py)
MirrorsConfig  # unused class (chaikhana/mirrors/apps.py)
NetworkConfig  # unused class (chaikhana/network/apps.py)
NewslettersConfig  # unused class (chaikhana/newsletters/apps.py)
PortalConfig  # unused class (chaikhana/portal/apps.py)
StoryViewCounter  # unused class (chaikhana/portal/figures/counter.py)
_.disabled  # unused attribute (chaikhana/portal/views/story_edit.py)
appkey  # unused variable (chaikhana/porting/api/metaweblog.py)
PortingConfig  # unused class (chaikhana/porting/apps.py)
WordPressQueryLinksMiddleware  # unused class (chaikhana/porting/middleware.py)
DoorLinksMiddleware  # unused class (chaikhana/porting/doors.py)
ReadingConfig  # unused class (chaikhana/reading/apps.py)
PageCacheMiddleware  # unused class (chaikhana/reading/cache/middleware.py)
_.subtitle  # unused method (chaikhana/reading/feeds/base.py)
WritingConfig  # unused class (chaikhana/writing/apps.py)
_.help_text  # unused attribute (chaikhana/writing/forms/blogs.py)

# Model fields, TextChoices members and columns set by actions: the database, the admin,
# templates and exports read them, not Python code vulture can see.
last_error  # unused variable (chaikhana/mirrors/models.py)
last_used_at  # unused variable (chaikhana/accounts/models.py)
fetched_at  # unused variable (chaikhana/federation/models.py): filtered on by name
activity_uri  # unused variable (chaikhana/federation/models.py): Undo finds reactions by it
last_error  # unused variable (chaikhana/federation/models.py)
last_success_at  # unused variable (chaikhana/federation/models.py)
gone_at  # unused variable (chaikhana/federation/models.py): when a deleted blog's actor went, for staff
custom_css  # unused variable (chaikhana/blogs/models/blog.py)
suspended_reason  # unused variable (chaikhana/blogs/models/blog.py)
post_version  # unused variable (chaikhana/blogs/models/post.py)
_.spam_score  # unused attribute (chaikhana/comments/actions/posting.py)
_.mailed_at  # unused attribute (chaikhana/comments/mail.py)
spam_score  # unused variable (chaikhana/comments/models/comment.py)
mailed_at  # unused variable (chaikhana/comments/models/notification.py)
created_by  # unused variable (chaikhana/core/models.py)
_.cancelled_at  # unused attribute (chaikhana/courses/actions/registration.py)
_.cancelled_at  # unused attribute (chaikhana/courses/actions/sessions.py)
sessions_attended  # unused variable (chaikhana/courses/models/certificate.py)
last_day  # unused variable (chaikhana/courses/models/certificate.py)
issued_at  # unused variable (chaikhana/courses/models/certificate.py)
bio_html  # unused variable (chaikhana/courses/models/course.py)
_.bio_html  # unused attribute (chaikhana/courses/models/course.py)
INTERMEDIATE  # unused variable (chaikhana/courses/models/course.py)
ADVANCED  # unused variable (chaikhana/courses/models/course.py)
JOURNALISM  # unused variable (chaikhana/courses/models/course.py)
ETHICS  # unused variable (chaikhana/courses/models/course.py)
SOCIAL_MEDIA  # unused variable (chaikhana/courses/models/course.py)
SAFETY  # unused variable (chaikhana/courses/models/course.py)
PHOTO_VIDEO  # unused variable (chaikhana/courses/models/course.py)
COMMUNITY  # unused variable (chaikhana/courses/models/course.py)
BLOGGERS  # unused variable (chaikhana/courses/models/course.py)
JOURNALISTS  # unused variable (chaikhana/courses/models/course.py)
NGOS  # unused variable (chaikhana/courses/models/course.py)
KGS  # unused variable (chaikhana/courses/models/course.py)
USD  # unused variable (chaikhana/courses/models/course.py)
EUR  # unused variable (chaikhana/courses/models/course.py)
RUB  # unused variable (chaikhana/courses/models/course.py)
KZT  # unused variable (chaikhana/courses/models/course.py)
description_html  # unused variable (chaikhana/courses/models/course.py)
level  # unused variable (chaikhana/courses/models/course.py)
for_bloggers  # unused variable (chaikhana/courses/models/course.py)
for_journalists  # unused variable (chaikhana/courses/models/course.py)
for_ngos  # unused variable (chaikhana/courses/models/course.py)
fee_currency  # unused variable (chaikhana/courses/models/course.py)
_.description_html  # unused attribute (chaikhana/courses/models/course.py)
_.is_free  # unused property (chaikhana/courses/models/course.py)
_.audiences  # unused property (chaikhana/courses/models/course.py)
contact_phone  # unused variable (chaikhana/courses/models/registration.py)
registered_by  # unused variable (chaikhana/courses/models/registration.py)
cancelled_at  # unused variable (chaikhana/courses/models/registration.py)
_.waitlist_position  # unused method (chaikhana/courses/models/registration.py)
sent_at  # unused variable (chaikhana/courses/models/registration.py)
cancelled_at  # unused variable (chaikhana/courses/models/session.py)
REPLY  # unused variable (chaikhana/linkbacks/models.py)
sent_at  # unused variable (chaikhana/linkbacks/models.py)
uploaded_by  # unused variable (chaikhana/media/models.py)
search_text  # unused variable (chaikhana/media/models.py)
_.search_text  # unused attribute (chaikhana/media/models.py)
_.suspended_reason  # unused attribute (chaikhana/network/actions/blogs.py)
target_type  # unused variable (chaikhana/network/models.py)
target_id  # unused variable (chaikhana/network/models.py)
requested_by  # unused variable (chaikhana/network/models.py)
HARASSMENT  # unused variable (chaikhana/network/reports/models.py)
HATE  # unused variable (chaikhana/network/reports/models.py)
PERSONAL_DATA  # unused variable (chaikhana/network/reports/models.py)
COPYRIGHT  # unused variable (chaikhana/network/reports/models.py)
ILLEGAL  # unused variable (chaikhana/network/reports/models.py)
OTHER  # unused variable (chaikhana/network/reports/models.py)
decided_by  # unused variable (chaikhana/network/reports/models.py)
decided_at  # unused variable (chaikhana/network/reports/models.py)
decision_note  # unused variable (chaikhana/network/reports/models.py)
_.checked_at  # unused attribute (chaikhana/portal/actions/factcheck.py)
_.checked_by  # unused attribute (chaikhana/portal/actions/factcheck.py)
_.decided_at  # unused attribute (chaikhana/portal/actions/stories.py)
_.decided_by  # unused attribute (chaikhana/portal/actions/stories.py)
_.state_changed_at  # unused attribute (chaikhana/portal/actions/workflow.py)
created_by  # unused variable (chaikhana/portal/models/callouts.py)
checked_by  # unused variable (chaikhana/portal/models/factcheck.py)
checked_at  # unused variable (chaikhana/portal/models/factcheck.py)
sources_verified  # unused variable (chaikhana/portal/models/factcheck.py)
sources_verified_by  # unused variable (chaikhana/portal/models/factcheck.py)
sources_verified_at  # unused variable (chaikhana/portal/models/factcheck.py)
image_rights_cleared  # unused variable (chaikhana/portal/models/factcheck.py)
image_rights_cleared_by  # unused variable (chaikhana/portal/models/factcheck.py)
image_rights_cleared_at  # unused variable (chaikhana/portal/models/factcheck.py)
right_of_reply_given  # unused variable (chaikhana/portal/models/factcheck.py)
right_of_reply_given_by  # unused variable (chaikhana/portal/models/factcheck.py)
right_of_reply_given_at  # unused variable (chaikhana/portal/models/factcheck.py)
no_hate_speech  # unused variable (chaikhana/portal/models/factcheck.py)
no_hate_speech_by  # unused variable (chaikhana/portal/models/factcheck.py)
no_hate_speech_at  # unused variable (chaikhana/portal/models/factcheck.py)
found_at  # unused variable (chaikhana/portal/models/figures.py)
UPDATE  # unused variable (chaikhana/portal/models/stories.py)
CLARIFICATION  # unused variable (chaikhana/portal/models/stories.py)
proposed_by  # unused variable (chaikhana/portal/models/stories.py)
decided_by  # unused variable (chaikhana/portal/models/stories.py)
decided_at  # unused variable (chaikhana/portal/models/stories.py)
picked_by  # unused variable (chaikhana/portal/models/submission.py)
scheduled_for  # unused variable (chaikhana/portal/models/submission.py)
unpublish_note  # unused variable (chaikhana/portal/models/submission.py)
state_changed_at  # unused variable (chaikhana/portal/models/submission.py)
vector  # unused variable (chaikhana/reading/search/models.py)
indexed_at  # unused variable (chaikhana/reading/search/models.py)
_.vector  # unused attribute (chaikhana/reading/search/postgres_fts.py)

# Declarative form fields and form methods read by templates ({{ form.person_fields }}).
password_confirm  # unused variable (chaikhana/accounts/forms.py)
_.person_fields  # unused method (chaikhana/comments/forms.py)
single  # unused variable (chaikhana/comments/forms.py)
contact_name  # unused variable (chaikhana/courses/forms.py)
contact_phone  # unused variable (chaikhana/courses/forms.py)
field_order  # unused variable (chaikhana/media/forms.py)
source_url  # unused variable (chaikhana/portal/forms.py)
source_description  # unused variable (chaikhana/portal/forms.py)
source_private  # unused variable (chaikhana/portal/forms.py)
sources_verified  # unused variable (chaikhana/portal/views/factcheck.py)
image_rights_cleared  # unused variable (chaikhana/portal/views/factcheck.py)
right_of_reply_given  # unused variable (chaikhana/portal/views/factcheck.py)
no_hate_speech  # unused variable (chaikhana/portal/views/factcheck.py)
comment_meta  # unused variable (chaikhana/porting/forms.py)
comment_body  # unused variable (chaikhana/porting/forms.py)

# Dataclass fields and properties read by templates (themes, reports, search results, the
# OPML import report) or kept from the parsed WXR for the export.
body_class  # unused variable (chaikhana/blogs/themes.py)
shows_covers  # unused variable (chaikhana/blogs/themes.py)
_.screenshot  # unused property (chaikhana/blogs/themes.py)
_.accent_css  # unused property (chaikhana/blogs/themes.py)
write_bundles  # unused function (chaikhana/blogs/stylesheets.py): bin/build_css calls it
fees_due  # unused variable (chaikhana/courses/reports.py)
paid  # unused variable (chaikhana/courses/reports.py)
_.attendance_rate  # unused property (chaikhana/courses/reports.py)
base_site_url  # unused variable (chaikhana/porting/wxr/records.py)
wxr_version  # unused variable (chaikhana/porting/wxr/records.py)
term_id  # unused variable (chaikhana/porting/wxr/records.py)
new_follows  # unused variable (chaikhana/reading/following/importing.py)
_.new_follows  # unused attribute (chaikhana/reading/following/importing.py)
title_html  # unused variable (chaikhana/reading/search/query.py)
snippet_html  # unused variable (chaikhana/reading/search/query.py)

# The environment helpers are called from chaikhana/settings.py, which is left out of the scan.
env_str  # unused function (chaikhana/env.py)
env_bool  # unused function (chaikhana/env.py)
env_int  # unused function (chaikhana/env.py)
env_list  # unused function (chaikhana/env.py)
secret_key  # unused function (chaikhana/env.py)

# The in-memory spam corpus is what bench/spam_filter.py trains (bench/ is not scanned).
MemoryCorpus  # unused class (chaikhana/comments/spam/bayes.py)
_.train  # unused method (chaikhana/comments/spam/bayes.py)

# Dead until the two-factor helpers are removed from accounts/twofactor/devices.py.
confirmed_totp  # unused function (chaikhana/accounts/twofactor/devices.py)
recovery_device  # unused function (chaikhana/accounts/twofactor/devices.py)

# Read in a query's keyword (unsubscribed_at__lt in newsletters' purge), which vulture cannot see.
unsubscribed_at  # unused variable (chaikhana/newsletters/models.py)
_.unsubscribed_at  # unused attribute (chaikhana/newsletters/actions/subscriptions.py)
# The JSON API (chaikhana/api/): Django and django-ninja call or read these by name.
expires_on  # form field (chaikhana/accounts/app_password_views.py), read through cleaned_data
ApiConfig  # unused class (chaikhana/api/apps.py): INSTALLED_APPS
ApiMiddleware  # unused class (chaikhana/api/middleware.py): MIDDLEWARE
_.authenticate  # unused method (chaikhana/api/auth.py): ninja's HttpBearer calls it
model_config  # unused variable (chaikhana/api/schemas.py): pydantic's configuration
online  # unused variable (chaikhana/api/schemas.py): a field of the API's answer
token_expires_at  # unused variable (chaikhana/api/schemas.py): a field of the API's answer
_.get_openapi_operation_id  # unused method (chaikhana/api/main.py): ninja calls it
download  # unused variable (chaikhana/api/schemas.py): a field of the API's answer
json_dumps_params  # unused variable (chaikhana/api/main.py): ninja's JSONRenderer reads it
# IndieAuth: hash columns read only through filter(token_hash=…)/filter(code_hash=…), and
# django-csp's per-response policy attribute, read by its middleware.
token_hash  # unused variable (chaikhana/indieauth/models.py)
code_hash  # unused variable (chaikhana/indieauth/models.py)
_._csp_update  # unused attribute (chaikhana/indieauth/views.py)
# Webhooks: the receiver's HTTP status is shown in the delivery log (a template reads it).
response_status  # unused variable (chaikhana/webhooks/models.py)
_.response_status  # unused attribute (chaikhana/webhooks/actions.py)
# libzim's Item interface (chaikhana/mirrors/packs/zim.py): the ZIM creator calls these by name.
_.get_path  # unused method
_.get_title  # unused method
_.get_mimetype  # unused method
_.get_contentprovider  # unused method
_.get_hints  # unused method
_.toc  # unused attribute (chaikhana/mirrors/packs/epub.py): ebooklib reads the book's toc
_.spine  # unused attribute (chaikhana/mirrors/packs/epub.py): ebooklib reads the book's spine
# IndieAuth's Grant (chaikhana/indieauth/models.py): read through the ORM's keyword lookups.
_.previous_refresh_hash  # unused attribute: filter(previous_refresh_hash=…) in indieauth/actions.py
# settings.TASKS names it by its dotted path when TASK_BACKEND is RQ (core/task_backends.py).
RQBackendWithFallback  # unused class
