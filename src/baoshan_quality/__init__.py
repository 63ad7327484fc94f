"""Baoshan quality policy as executable rules."""
