# Kazakh date and number formats (Django ships none for "kk"): "2022 ж. 5 қаңтар", 05.01.2022, 1 234,5.
DATE_FORMAT = "Y \\ж. j E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y \\ж. j E, H:i"
YEAR_MONTH_FORMAT = "Y \\ж. F"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
