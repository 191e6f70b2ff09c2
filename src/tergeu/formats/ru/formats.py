# Russian: Django's own formats, with the 24-hour time Tergeu uses everywhere (06.01.2022 14:05).
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
