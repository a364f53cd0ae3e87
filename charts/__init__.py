"""Altair chart builders: small pure functions from small frames to charts, with one theme."""
