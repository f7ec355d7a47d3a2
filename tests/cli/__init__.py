"""Tests of the command line under hostile input."""
