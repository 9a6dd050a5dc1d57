"""Drafts to start from in an office program: earlier answers as a Word document."""
