"""The workflow: submit, return with a reason, pass, approve, publish; the reviewer's queue."""
