"""Reading CSV strictly: what csv.writer writes reads back cell for cell; a damaged file is refused,
naming the file, the row, the line and the column (docs/import.md, "Malformed CSV"). No database."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tergeu.registry.importing.codepages import SHORT_U, SOUTH_SLAVIC, UKRAINIAN
from tergeu.registry.importing.csv_faults import find_fault
from tergeu.registry.importing.csv_format import DELIMITERS, read_csv
from tergeu.registry.importing.readers import open_table
from tergeu.registry.importing.table import ImportProblem

PATH = Path("list.csv")
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
PLAIN = "abcXYZ019 .-'" + KAZAKH + "абвЖЯё"
SPECIAL = '"\r\n'
LOCATED = re.compile(r"^list\.csv: (row \d+|the header) \(line \d+\)")


def read(text: str | bytes, **kwargs: str) -> list[tuple[int, list[str | None]]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(row.number, row.cells) for row in read_csv(PATH, data, **kwargs).rows]


def refusal(text: str | bytes, **kwargs: str) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(ImportProblem) as info:
        read(data, **kwargs)
    return str(info.value)


def write(header: list[str], rows: list[list[str]], delimiter: str, terminator: str, quoting: int) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


@st.composite
def tables(draw: st.DrawFn, alphabet: str) -> tuple[list[str], list[list[str]]]:
    width = draw(st.integers(1, 5))
    header_text = st.text(alphabet, min_size=1, max_size=8).filter(lambda h: h.strip())
    header = draw(st.lists(header_text, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(st.text(alphabet, max_size=10), min_size=width, max_size=width), max_size=8))
    return header, rows


@st.composite
def written(draw: st.DrawFn, every_separator: bool) -> tuple[str, str, list[str], list[list[str]]]:
    """A table written by csv.writer: with every separator in the cells when the reader is told which one
    the file uses; with only the file's own when the reader must find it (else the file is ambiguous)."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    alphabet = PLAIN + SPECIAL + (DELIMITERS if every_separator else delimiter)
    header, rows = draw(tables(alphabet))
    terminator = draw(st.sampled_from(["\r\n", "\n"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    if terminator == "\n" and quoting == csv.QUOTE_MINIMAL:
        # Python 3.11's csv.writer does not quote a lone \r when lines end in \n: it writes a broken file.
        assume(not any("\r" in cell for cell in [*header, *sum(rows, [])]))
    return write(header, rows, delimiter, terminator, quoting), delimiter, header, rows


def expected(rows: list[list[str]]) -> list[tuple[int, list[str]]]:
    return [(number, row) for number, row in enumerate(rows, 1) if "".join(row).strip()]


@settings(max_examples=300, deadline=None)
@given(written(every_separator=True), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_it_reads_back_exactly_what_csv_writer_wrote(case, encoding: str) -> None:
    text, delimiter, header, rows = case
    table = read_csv(PATH, text.encode(encoding), delimiter=delimiter)
    assert table.headers == [h.strip() for h in header]
    assert [(row.number, row.cells) for row in table.rows] == expected(rows)


@settings(max_examples=300, deadline=None)
@given(written(every_separator=False))
def test_it_finds_the_separator_and_reads_back_the_cells(case) -> None:
    text, delimiter, header, rows = case
    table = read_csv(PATH, text.encode("utf-8"))
    assert table.headers == [h.strip() for h in header]
    assert [(row.number, row.cells) for row in table.rows] == expected(rows)
    if len(header) > 1:
        assert table.details["delimiter"] == delimiter


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(written(every_separator=False), st.data())
def test_it_refuses_a_file_cut_inside_a_quoted_cell(case, data: st.DataObject) -> None:
    """Cut where an odd number of quotes precedes: inside a quoted cell (a doubled quote counts twice)."""
    text = case[0]
    inside = [cut for cut in range(1, len(text)) if text[:cut].count('"') % 2]
    assume(inside)
    cut = data.draw(st.sampled_from(inside))
    message = refusal(text[:cut])
    assert LOCATED.match(message), message
    assert "never closed" in message and "cut short" in message


def test_python_csv_alone_would_accept_a_truncated_file() -> None:
    """Why the reader is strict: lenient csv reads the cut file as a person named 'unclosed,row'."""
    assert list(csv.reader(io.StringIO('ФИО,Жасы\r\n"unclosed,row', newline=""))) == [
        ["ФИО", "Жасы"], ["unclosed,row"]]
    with pytest.raises(csv.Error, match="unexpected end of data"):
        list(csv.reader(io.StringIO('ФИО,Жасы\r\n"unclosed,row', newline=""), strict=True))


@pytest.mark.parametrize("text,where", [
    ('ФИО,Жасы\r\nА Б,27\r\n"unclosed,row', "row 2 (line 3), column 'ФИО'"),
    ('ФИО,Жасы\r\nА Б,27\r\n"unclosed,row\r\n', "row 2 (line 3), column 'ФИО'"),
    ('ФИО,Жасы\r\nА Б,"27', "row 1 (line 2), column 'Жасы'"),
    ('ФИО,Жасы\r\nА Б,27\r\nВ Г,"3\r\nД Е,40\r\nЖ З,41\r\n', "row 2 (line 3), column 'Жасы'"),
    ('ФИО,"Жасы\r\nА Б,27\r\n', "the header (line 1), header cell 2"),
])
def test_it_refuses_a_quote_never_closed(text: str, where: str) -> None:
    message = refusal(text)
    assert message.startswith(f"list.csv: {where}: the quote opening this cell on line "), message
    assert "cut short" in message


def test_it_names_the_line_where_a_quote_was_left_open() -> None:
    text = 'ФИО,Жасы\r\nА Б,"27\r\nВ Г,30\r\nД Е,"40" жас\r\n'
    assert refusal(text) == ("list.csv: row 1 (line 2), column 'Жасы': the quoted cell opened on line 2 closes "
                             "on line 4 and text follows the quote; a closing quote is probably missing on line 2")


def test_it_refuses_rows_swallowed_by_a_quote_a_stray_one_closes_far_away() -> None:
    """Closed again before a separator, the cell is sound CSV; only its size gives it away."""
    rows = "".join(f"Person {i},{i}\r\n" for i in range(20000))
    message = refusal(f'ФИО,Жасы\r\nА Б,"27\r\n{rows}В Г,28"\r\n')
    assert message.startswith("list.csv: row 1 (line 2): a cell is longer than 131,072 characters")


@pytest.mark.parametrize("text", ['ФИО,Жасы\r\n"Береке" ТОО,27\r\n', 'ФИО,Жасы\r\n"А Б" ,27\r\n'])
def test_it_refuses_text_after_a_closing_quote(text: str) -> None:
    """Lenient csv would read '"Береке" ТОО' as 'Береке ТОО', silently dropping the quotes."""
    message = refusal(text)
    assert message.startswith("list.csv: row 1 (line 2), column 'ФИО': text follows the closing quote"), message
    assert '"""A"" B"' in message


def test_it_keeps_a_quote_inside_an_unquoted_cell_as_written() -> None:
    assert read('ФИО,Жасы\r\nТОО "Береке",27\r\nab"c,5\r\nА "Б" В,6\r\n') == [
        (1, ['ТОО "Береке"', "27"]), (2, ['ab"c', "5"]), (3, ['А "Б" В', "6"])]


@pytest.mark.parametrize("text,message", [
    ("ФИО,Жасы\r\nА Б,27,Алматы\r\n",
     "row 1 (line 2) has 3 cells but the header has 2 (cell 3, 'Алматы', has no header)"),
    ("ФИО,Жасы,Пол\r\nА Б,27\r\n", "row 1 (line 2) has 2 cells but the header has 3 (no cell for column 'Пол')"),
    ("ФИО,Жасы\r\nА Б\r\n", "row 1 (line 2) has 1 cell but the header has 2 (no cell for column 'Жасы')"),
    ("ФИО,Жасы\r\nА Б,27\rВ Г\r\n", "row 2 (line 3) has 1 cell but the header has 2"),  # a lone \r ends a line
])
def test_it_refuses_a_row_of_the_wrong_width(text: str, message: str) -> None:
    assert refusal(text).startswith(f"list.csv: {message}")


def test_it_names_further_ragged_rows_in_one_message() -> None:
    rows = "".join(f"Person {i},{i}\r\n" if i % 3 else f"Person {i}\r\n" for i in range(1, 31))
    message = refusal("ФИО,Жасы\r\n" + rows)
    assert message.startswith("list.csv: row 3 (line 4) has 1 cell but the header has 2")
    assert message.endswith("; also rows 6, 9, 12, 15, 18 and 4 more")


def test_it_drops_trailing_separators_with_nothing_between_them() -> None:
    assert read("ФИО,Жасы\r\nА Б,27,,\r\nВ Г,28, ,\r\n") == [(1, ["А Б", "27"]), (2, ["В Г", "28"])]


@pytest.mark.parametrize("text,where", [
    ("ФИО,Жасы\r\nА Б,2\x007\r\n", "row 1 (line 2), column 'Жасы'"),
    ("ФИО,Жасы\r\nА Б,27\r\n\x00\x00\x00\x00", "row 2 (line 3), column 'ФИО'"),
    ("Ф\x00ИО,Жасы\r\nА Б,27\r\n", "the header (line 1), header cell 1"),
])
def test_it_refuses_a_nul_character(text: str, where: str) -> None:
    assert refusal(text).startswith(f"list.csv: {where}: holds a NUL character")


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"])
def test_it_reads_any_line_ending_and_a_mix_of_them(ending: str) -> None:
    uniform = ending.join(["ФИО,Жасы", "А Б,27", "В Г,28", ""])
    mixed = "ФИО,Жасы\r\nА Б,27\nВ Г,28\r"
    assert read(uniform) == read(mixed) == [(1, ["А Б", "27"]), (2, ["В Г", "28"])]


def test_it_keeps_a_line_break_inside_quotes_exactly_as_written() -> None:
    rows = read_csv(PATH, 'ФИО,Ескерту\r\nА Б,"бірінші\r\nекінші\nүшінші"\r\nВ Г,x\r\n'.encode()).rows
    assert [(row.number, row.line, row.cells) for row in rows] == [
        (1, 2, ["А Б", "бірінші\r\nекінші\nүшінші"]), (2, 5, ["В Г", "x"])]


def test_it_skips_blank_lines_keeping_their_numbers() -> None:
    text = "ФИО,Жасы\r\n\r\nА Б,27\r\n,\r\n  ,  \r\n\r\nВ Г,28\r\n\r\n\r\n"
    assert read(text) == [(2, ["А Б", "27"]), (6, ["В Г", "28"])]


def test_it_refuses_utf8_cut_inside_a_character() -> None:
    data = "ФИО,Жасы\r\nНұрланов Жанболат,27".encode()
    cut = data[:-len("Жанболат,27".encode()) + 1]  # ends with the first byte of 'Ж'
    assert "ends in the middle of a UTF-8 character" in refusal(cut)


def test_it_refuses_utf16_cut_inside_a_character() -> None:
    data = "ФИО\tЖасы\r\nА Б\t27\r\n".encode("utf-16")
    assert "ends in the middle of a utf-16 character" in refusal(data[:-1])


def test_it_reads_a_separator_inside_quotes_without_being_misled() -> None:
    text = 'ФИО;Дата\r\n"Иванов, Иван";05.01.2022\r\n"Петров, Пётр, Ильич";06.01.2022\r\n'
    table = read_csv(PATH, text.encode("utf-8"))
    assert table.details["delimiter"] == ";"
    assert [row.cells[0] for row in table.rows] == ["Иванов, Иван", "Петров, Пётр, Ильич"]


@pytest.mark.parametrize("record,fault", [
    ('a,"b', ("unclosed", 1, 0, 0)),
    ('"a""b', ("unclosed", 0, 0, 0)),
    ('x,"a\r\nb"\r\n', None),
    ('x,"a\r\nb\n"c', ("after_quote", 1, 0, 2)),
    ('ab"c,d', None),
])
def test_the_fault_finder_follows_csv(record: str, fault: tuple | None) -> None:
    assert find_fault(record, ",") == fault


def test_a_truncated_json_file_is_refused() -> None:
    data = json.dumps([{"name": "Zhanbolat Nurlanov", "age": 31}, {"name": "Aigerim", "age": 27}]).encode()
    with pytest.raises(ImportProblem, match=r"list\.json: invalid JSON at line 1, column \d+"):
        open_table(Path("list.json"), data[:-20])


def test_a_truncated_xlsx_workbook_is_refused() -> None:
    book = Workbook()
    book.active.append(["ФИО", "Жасы"])
    for i in range(100):
        book.active.append([f"Person {i}", i])
    buffer = io.BytesIO()
    book.save(buffer)
    for cut in (len(buffer.getvalue()) // 2, len(buffer.getvalue()) - 1):
        with pytest.raises(ImportProblem, match="list.xlsx: not a readable XLSX workbook"):
            open_table(Path("list.xlsx"), buffer.getvalue()[:cut])


def test_an_xlsx_sheet_cut_inside_an_intact_zip_is_refused() -> None:
    import zipfile

    book = Workbook()
    book.active.append(["ФИО", "Жасы"])
    for i in range(100):
        book.active.append([f"Person {i}", i])
    buffer, damaged = io.BytesIO(), io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, content[:len(content) // 2] if item.filename.endswith("sheet1.xml") else content)
    with pytest.raises(ImportProblem, match=r"list.xlsx: sheet 'Sheet' is damaged after sheet row \d+"):
        list(open_table(Path("list.xlsx"), damaged.getvalue()).rows)


def test_bom_detection_is_unchanged() -> None:
    assert read(codecs.BOM_UTF8 + "ФИО,Жасы\r\nА Б,27\r\n".encode()) == [(1, ["А Б", "27"])]


RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH_ONLY = "әғқңөұүһӘҒҚҢӨҰҮҺ"  # the letters KZ-1048 has where CP1251 has others (і is in both)


def test_the_letters_checked_are_exactly_where_the_two_code_pages_differ() -> None:
    differ = {bytes([b]).decode("cp1251") for b in range(0x80, 0x100)
              if b != 0x98 and bytes([b]).decode("cp1251") != bytes([b]).decode("kz1048")}
    assert differ == set(SOUTH_SLAVIC + UKRAINIAN + SHORT_U)
    assert {c.encode("cp1251").decode("kz1048") for c in differ} == set(KAZAKH_ONLY)


@pytest.mark.parametrize("name", [
    "Сәрсенов Әсел",  # ә reads as Serbian ј: "Сјрсенов" in a file whose я, ы no Serbian file has
    "Қасымов Қайрат", "Жаңабаев Ерлан", "Жиһанша Ерлан",  # қ ң һ: Macedonian ќ ѕ, Serbian ћ
    "Серікұлы Нұрлан",  # ұ reads as ў, which follows only a vowel in Belarusian; Uzbek has no і or ы
    "Түсіпбеков Ерлан",  # ү reads as Ukrainian ї, which never follows a consonant
    "Ғалымжан Ерлан",  # ғ reads as Ukrainian є, in a word with ы, which Ukrainian lacks
    "Көпбосынов Ерлан",  # ө reads as Ukrainian ґ, in a word with ы
])
@pytest.mark.parametrize("case", [str, str.upper])
def test_it_reads_a_kazakh_file_in_kz1048_as_kazakh(name: str, case) -> None:
    text = f"Фамилия Имя;Жасы\r\n{case(name)};27\r\n"
    table = read_csv(PATH, text.encode("kz1048"))
    assert table.encoding == "kz1048"
    assert [row.cells for row in table.rows] == [[case(name), "27"]]


def test_it_reads_a_whole_kazakh_list_in_kz1048_exactly() -> None:
    rows = [["Сәрсенов Ерлан Қайратұлы", "27", "5 қаңтар 2022", "Алматы"],
            ["Серікұлы Нұрлан", "~30", "6 қаңтар 2022", "Талдықорған"],
            ["Өмірбекова Гүлнар Ғалымқызы", "41", "2022 жылғы 5 қаңтар", "Шымкент"]]
    data = write(["Аты-жөні", "Жасы", "Қаза тапқан күні", "Қаза тапқан жері"], rows, ";", "\r\n",
                 csv.QUOTE_MINIMAL).encode("kz1048")
    assert "Сјрсенов" in data.decode("cp1251") and "Серікўлы" in data.decode("cp1251")  # what it read before
    table = read_csv(PATH, data)
    assert table.encoding == "kz1048"
    assert [row.cells for row in table.rows] == rows


def test_a_russian_cp1251_file_is_still_read_as_cp1251() -> None:
    rows = [["Нурланов Жанболат Серикович", "27", "05.01.2022 г.", "№ 3, «Алматы» — ул. Абая"],
            ["Ахметова Айгерим Кайратовна", "~30", "06.01.2022", "Алматы, ёлка"]]
    data = write(["Фамилия Имя Отчество", "Возраст", "Дата гибели", "Место"], rows, ";", "\r\n",
                 csv.QUOTE_MINIMAL).encode("cp1251")
    table = read_csv(PATH, data)
    assert table.encoding == "cp1251"
    assert [row.cells for row in table.rows] == rows


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(RUSSIAN + KAZAKH_ONLY + "іІ -", min_size=1, max_size=12), min_size=1, max_size=6))
def test_kazakh_text_in_kz1048_reads_back_exactly_or_is_refused_never_misread(names: list[str]) -> None:
    """A Russian header (я, ы: no Serbian file has them) makes any ә қ ң һ decide; other letters may not."""
    data = ("Фамилия;Жасы\r\n" + "".join(f"{name};27\r\n" for name in names)).encode("kz1048")
    try:
        table = read_csv(PATH, data)
    except ImportProblem as problem:
        assert "cannot tell the encoding" in str(problem) and "--encoding kz1048" in str(problem)
        assert not any(c in "әқңһӘҚҢҺ" for c in "".join(names))
        return
    assert [row.cells[0] for row in table.rows] == names
    if any(c in KAZAKH_ONLY for c in "".join(names)):
        assert table.encoding == "kz1048"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(RUSSIAN + "іІ -№«»—", min_size=1, max_size=12), min_size=1, max_size=6))
def test_russian_text_in_cp1251_is_read_as_cp1251(names: list[str]) -> None:
    data = ("Фамилия;Жасы\r\n" + "".join(f"{name};27\r\n" for name in names)).encode("cp1251")
    table = read_csv(PATH, data)
    assert table.encoding == "cp1251"
    assert [row.cells[0] for row in table.rows] == names


@pytest.mark.parametrize("text,encoding,word,languages,other", [
    ("Фамилия;Жасы\r\nКовальчук Євген;27\r\n", "cp1251", "Євген", "Ukrainian", "Ғвген"),
    ("Фамилия;Жасы\r\nАўдзей Ковалёв;27\r\n", "cp1251", "Аўдзей", "Belarusian or Uzbek", "Аұдзей"),
    ("Фамилия;Жасы\r\nТўхтаев Азиз;27\r\n", "cp1251", "Тўхтаев", "Uzbek", "Тұхтаев"),
    ("Фамилия;Жасы\r\nӨмірбек;27\r\n", "kz1048", "Ґмірбек", "Ukrainian", "Өмірбек"),
    ("ФИО\r\nСәрсенов\r\n", "kz1048", "Сјрсенов", "Serbian or Macedonian", "Сәрсенов"),
])
def test_it_refuses_to_guess_between_the_two_code_pages_and_reads_the_one_stated(
        text: str, encoding: str, word: str, languages: str, other: str) -> None:
    data = text.encode(encoding)
    assert refusal(data) == (
        f"list.csv: line 2: cannot tell the encoding: read as CP1251 the file has {word!r} (spelled as in "
        f"{languages}), read as KZ-1048 (Kazakh) {other!r}, and nothing in the file tells which is meant; state it "
        "(tergeu import --encoding cp1251, or --encoding kz1048) or save the file as UTF-8")
    table = read_csv(PATH, data, encoding=encoding)
    assert [row.cells for row in table.rows] == [text.split("\r\n")[1].split(";")]


def test_one_word_that_only_kazakh_spells_decides_the_whole_file() -> None:
    """'Өмірбек' alone could be Ukrainian 'Ґмірбек', 'Нұрлан' Uzbek 'Нўрлан'; 'Серікұлы' only Kazakh."""
    text = "Фамилия;Жасы\r\nӨмірбек;27\r\nНұрлан;28\r\n" + "Иванов;30\r\n" * 1000 + "Серікұлы;31\r\n"
    table = read_csv(PATH, text.encode("kz1048"))
    assert table.encoding == "kz1048"
    assert [row.cells[0] for row in table.rows][::1002] == ["Өмірбек", "Серікұлы"]
