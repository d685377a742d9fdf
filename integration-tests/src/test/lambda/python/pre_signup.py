"""A PreSignUp handler in Python, as users write them: confirms accounts of the trusted domain, refuses others."""


def handler(event, context):
    email = event["request"]["userAttributes"].get("email", "")
    if email.endswith("@python.example"):
        event["response"]["autoConfirmUser"] = True
        event["response"]["autoVerifyEmail"] = True
        return event
    raise Exception("Only python.example may sign up")
