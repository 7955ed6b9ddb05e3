from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from posapp.domain.errors import InvalidInput
from posapp.domain.qris import (
    Field,
    QrisPayload,
    check_qris_amount,
    crc16_ccitt_false,
    dynamic_payload,
    parse_qris,
    parse_tlv,
    split_amounts,
)
from posapp.domain.tender import QRIS_MAX_PER_PAYMENT

# --- Published payloads, each with the CRC its source printed (never computed here) -------

# EMVCo MPM specification's own example payload (CRC A13A), as quoted in the test
# mvallim/emv-qrcode src/test/java/com/emv/qrcode/core/CRCTest.java. Lengths count
# characters (最佳运输 is 04); the CRC runs over the UTF-8 bytes.
EMVCO_SPEC_EXAMPLE = (
    "00020101021229300012D156000000000510A93FO3230Q31280012D156000000010308123456785204"
    "41115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502"
    "016233030412340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A"
)

# Static QRIS (DANA wallet in 26, national block in 51), CRC 5F72: test
# mapToStringQrisWithoutAdditionalDataTest in astrapay/spring-qris
# src/test/java/com/astrapay/qris/QrisMapperTest.java.
ASTRAPAY_STATIC = (
    "00020101021126570011ID.DANA.WWW011893600915300060605702090006060570303UMI51440014ID.CO"
    ".QRIS.WWW0215ID10190046990790303UMI5204481453033605802ID5912Saifullah.id6014Kota Pontia"
    "nak61057812463045F72"
)

# Dynamic QRIS for Rp 4.548.051, CRC E3CF: test mapToStringQrisDynamicTest, same file.
ASTRAPAY_DYNAMIC = (
    "00020101021226640018ID.CO.ASTRAPAY.WWW011893600822321000045502092100004550303UBE51440014"
    "ID.CO.QRIS.WWW0215ID20210719803990303UBE520475385303360540745480515802ID5916AUTO2000 Bin"
    "taro6009Tangerang610515118626001152110050107770150715ASTRAPAY210502198180209210000455030"
    "116304E3CF"
)

# Older national block ID.OR.GPNQR.WWW (not ID.CO.QRIS.WWW), CRC 8A85: test
# mapToStringQrisWithoutTipTest, same file.
ASTRAPAY_GPNQR = (
    "00020101021226580006id.ovo01189360091200006049620215yq38ZDs7MI6oaz50303UKE51450015ID.OR"
    ".GPNQR.WWW0215ID10200416988350303UKE52045812530336054065000005802ID5911Tims Donuts6013Ja"
    "karta Barat61051161062310507VCcCtqJ0716HgxK16eFVHfvKnGO63048A85"
)

# "Anonymized" payload whose printed CRC A79C no longer matches its fields (CRC-16/CCITT-FALSE
# gives 7F7A): MPM_PAYMENT_QR in astrapay/spring-qris
# src/test/java/com/astrapay/qris/mpm/QrisParserMpmPaymentTest.java. A real-world wrong CRC.
ASTRAPAY_STALE_CRC = (
    "00020101021126640018ID.CO.ASTRAPAY.WWW011893600822321000024002092100002400303UBE51440014"
    "ID.CO.QRIS.WWW0215ID20210662463920303UBE5204581253033605802ID5913TEST MERCHANT6007Jakart"
    "a61054433562080704AP016304A79C"
)

# Dynamic QRIS with the amount written "100003.00", CRC A079: Pakasir's API documentation
# ("Contoh Response", payment_number) as copied in danprat/umkm-ai docs/payment-pakasir.md.
PAKASIR_DYNAMIC = (
    "00020101021226610016ID.CO.SHOPEE.WWW01189360091800216005230208216005230303UME51440014ID."
    "CO.QRIS.WWW0215ID10243228429300303UME5204792953033605409100003.005802ID5907Pakasir6012KA"
    "B. KEBUMEN61055439262230519SP25RZRATEQI2HQ65Q46304A079"
)

# go-qris sample decode string (no national QRIS block), CRC 9635: sunary/qris README.md.
SUNARY_SAMPLE = (
    "00020101021226380016ID.CO.SHOPEE.WWW010201020815863724530336054061440005802ID5921PT. SHO"
    "PPEE INDONESIA6007JAKARTA62180814gen by go-qris63049635"
)

PUBLISHED = [
    EMVCO_SPEC_EXAMPLE,
    ASTRAPAY_STATIC,
    ASTRAPAY_DYNAMIC,
    ASTRAPAY_GPNQR,
    PAKASIR_DYNAMIC,
    SUNARY_SAMPLE,
]


def crc_hex(body: str) -> str:
    return f"{crc16_ccitt_false(body.encode('utf-8')):04X}"


def tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def build(fields: list[tuple[str, str]]) -> str:
    """Write *fields* as given, then 6304 and the CRC computed by the module's function."""
    body = "".join(tlv(t, v) for t, v in fields) + "6304"
    return body + crc_hex(body)


# A made-up stand at an exhibition: GoPay-style wallet block in 26, national block in 51.
GOPAY_26 = (
    tlv("00", "COM.GO-JEK.WWW")
    + tlv("01", "936009140000000001")
    + tlv("02", "G000000001")
    + tlv("03", "UMI")
)
QRIS_51 = tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1020000000001") + tlv("03", "UMI")
STAND_FIELDS = [
    ("00", "01"),
    ("01", "11"),
    ("26", GOPAY_26),
    ("51", QRIS_51),
    ("52", "5699"),
    ("53", "360"),
    ("58", "ID"),
    ("59", "TENUN IKAT SUMBA"),
    ("60", "JAKARTA PUSAT"),
    ("61", "10310"),
    ("62", tlv("07", "A01")),
]
STAND_STATIC = build(STAND_FIELDS)


def replaced(tag: str, value: str | None) -> str:
    """The stand's payload with *tag* set to *value* (None drops it), CRC recomputed."""
    fields = [(t, value if t == tag else v) for t, v in STAND_FIELDS]
    if tag not in dict(STAND_FIELDS):
        fields.append((tag, value or ""))
    return build([(t, v) for t, v in fields if v is not None])


# --- CRC ---------------------------------------------------------------------------------


def test_crc_check_value() -> None:
    # The CRC catalogue's check value for CRC-16/CCITT-FALSE over "123456789".
    assert crc16_ccitt_false(b"123456789") == 0x29B1


def test_crc_of_empty_input_is_init() -> None:
    assert crc16_ccitt_false(b"") == 0xFFFF


@pytest.mark.parametrize("payload", PUBLISHED)
def test_published_crcs_match(payload: str) -> None:
    assert crc_hex(payload[:-4]) == payload[-4:]


def test_emvco_spec_example_ends_in_a13a() -> None:
    assert EMVCO_SPEC_EXAMPLE.endswith("6304A13A")
    assert crc16_ccitt_false(EMVCO_SPEC_EXAMPLE[:-4].encode("utf-8")) == 0xA13A


# --- TLV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PUBLISHED)
def test_parse_tlv_round_trips_published(payload: str) -> None:
    fields = parse_tlv(payload)
    assert "".join(f.encode() for f in fields) == payload
    assert fields[-1] == Field("63", payload[-4:])


def test_parse_tlv_counts_characters_not_bytes() -> None:
    fields = {f.tag: f for f in parse_tlv(EMVCO_SPEC_EXAMPLE)}
    language = fields["64"].sub_fields()
    assert [(f.tag, f.value) for f in language] == [
        ("00", "ZH"),
        ("01", "最佳运输"),
        ("02", "北京"),
    ]
    assert fields["54"].value == "23.72"


def test_templates_parse_on_demand() -> None:
    fields = {f.tag: f for f in parse_tlv(STAND_STATIC)}
    assert fields["26"].is_template and fields["62"].is_template
    assert not fields["59"].is_template
    assert fields["26"].sub("00") == "COM.GO-JEK.WWW"
    assert fields["51"].sub("02") == "ID1020000000001"
    assert fields["62"].sub("07") == "A01"
    with pytest.raises(InvalidInput, match="field 59 is not a template"):
        fields["59"].sub_fields()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty QRIS payload"),
        ("AB0201", "tag at position 0 is not two digits: 'AB'"),
        ("00020101X112", "length of field 01 is not two digits: 'X1'"),
        ("000201010512", "field 01 says 5 characters but only 2 are left"),
        ("00020101", "field cut short at position 6: '01'"),
        ("00０201", "length of field 00 is not two digits"),  # full-width digit
    ],
)
def test_parse_tlv_refusals(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        parse_tlv(text)


def test_malformed_template_says_which() -> None:
    with pytest.raises(InvalidInput, match="template 26 is malformed: field 00 says 20"):
        Field("26", "0020ID.CO.QRIS.WWW").sub_fields()
    with pytest.raises(InvalidInput, match="template 62 is empty"):
        Field("62", "").sub_fields()


def test_field_encode_refuses_overlong_value() -> None:
    assert Field("59", "TOKO").encode() == "5904TOKO"
    with pytest.raises(InvalidInput, match="field 59 is too long: 100 characters"):
        Field("59", "x" * 100).encode()


# --- parse_qris: published payloads ------------------------------------------------------


def test_published_static_qris() -> None:
    p = parse_qris(ASTRAPAY_STATIC)
    assert p.text == ASTRAPAY_STATIC
    assert p.merchant_name == "Saifullah.id"
    assert p.merchant_city == "Kota Pontianak"
    assert p.postal_code == "78124"
    assert p.nmid == "ID1019004699079"
    assert p.merchant_account is not None and p.merchant_account.tag == "51"
    assert not p.is_dynamic
    assert p.amount is None
    assert p.crc == "5F72"


def test_published_dynamic_qris() -> None:
    p = parse_qris(ASTRAPAY_DYNAMIC)
    assert p.is_dynamic
    assert p.amount == 4_548_051
    assert p.merchant_name == "AUTO2000 Bintaro"
    assert p.nmid == "ID2021071980399"


def test_published_amount_with_zero_decimals_is_whole_rupiah() -> None:
    p = parse_qris(PAKASIR_DYNAMIC)
    assert p.get("54") == "100003.00"
    assert p.amount == 100_003
    assert p.nmid == "ID1024322842930"
    assert p.postal_code == "54392"


def test_emvco_spec_example_is_not_rupiah() -> None:
    # A valid EMVCo payload (CRC fine) but Chinese yuan in China: not QRIS.
    with pytest.raises(InvalidInput, match=r"currency \(tag 53\) must be 360, found '156'"):
        parse_qris(EMVCO_SPEC_EXAMPLE)


@pytest.mark.parametrize("payload", [SUNARY_SAMPLE, ASTRAPAY_GPNQR])
def test_published_payloads_without_national_block(payload: str) -> None:
    with pytest.raises(InvalidInput, match=r"no merchant account .* with ID\.CO\.QRIS\.WWW"):
        parse_qris(payload)


def test_published_payload_with_stale_crc() -> None:
    with pytest.raises(InvalidInput, match="CRC mismatch: expected 7F7A, found A79C"):
        parse_qris(ASTRAPAY_STALE_CRC)


# --- parse_qris: the stand's payload built from fields -----------------------------------


def test_stand_payload_parses() -> None:
    p = parse_qris(STAND_STATIC)
    assert isinstance(p, QrisPayload)
    assert [f.tag for f in p.fields] == [t for t, _ in STAND_FIELDS] + ["63"]
    assert p.merchant_name == "TENUN IKAT SUMBA"
    assert p.merchant_city == "JAKARTA PUSAT"
    assert p.postal_code == "10310"
    assert p.nmid == "ID1020000000001"
    assert p.get("52") == "5699"
    assert p.crc == crc_hex(STAND_STATIC[:-4])


@pytest.mark.parametrize("noise", [" {} ", "{}\n", "\r\n{}\r\n", "\t{}"])
def test_whitespace_around_payload_is_trimmed(noise: str) -> None:
    assert parse_qris(noise.format(STAND_STATIC)).text == STAND_STATIC


def test_lowercase_crc_is_accepted() -> None:
    assert parse_qris(STAND_STATIC[:-4] + STAND_STATIC[-4:].lower()).nmid == "ID1020000000001"


def test_postal_code_is_optional() -> None:
    assert parse_qris(replaced("61", None)).postal_code is None


def test_qris_block_found_in_26_too() -> None:
    p = parse_qris(build([(t, v) for t, v in STAND_FIELDS if t != "26"]))
    assert p.nmid == "ID1020000000001"
    only_26 = build(
        [("26", QRIS_51) if t == "26" else (t, v) for t, v in STAND_FIELDS if t != "51"]
    )
    assert parse_qris(only_26).merchant_account == Field("26", QRIS_51)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ("   \n", "empty QRIS payload"),
        (STAND_STATIC[:-8], "no CRC \\(tag 63\\)"),
        (STAND_STATIC + "5802ID", "tag 58 appears more than once"),
        (STAND_STATIC + tlv("64", "0002ID"), "the CRC \\(tag 63\\) must be the last field"),
        (STAND_STATIC[:-4] + "12G4", "the CRC \\(tag 63\\) must be 4 hex digits, found '12G4'"),
        (
            STAND_STATIC[:-4] + "0000",
            f"CRC mismatch: expected {crc_hex(STAND_STATIC[:-4])}, found 0000",
        ),
        (build([*STAND_FIELDS[1:], ("00", "01")]), "tag 00\\) must be the first field"),
        (replaced("00", "02"), "payload format indicator \\(tag 00\\) must be 01, found '02'"),
        (replaced("01", "13"), "point of initiation \\(tag 01\\) must be 11 or 12, found '13'"),
        (replaced("01", None), "point of initiation \\(tag 01\\) is missing"),
        (replaced("53", "840"), "currency \\(tag 53\\) must be 360, found '840'"),
        (replaced("53", None), "currency \\(tag 53\\) is missing"),
        (replaced("58", "SG"), "country \\(tag 58\\) must be ID, found 'SG'"),
        (replaced("51", tlv("00", "ID.CO.EXAMPLE.WWW")), "no merchant account"),
        (replaced("51", "0020ID.CO.QRIS.WWW"), "template 51 is malformed"),
        (replaced("59", None), "merchant name \\(tag 59\\) is missing"),
        (replaced("59", ""), "merchant name \\(tag 59\\) is missing"),
        (replaced("60", None), "merchant city \\(tag 60\\) is missing"),
        (replaced("54", "1500.50"), "amount \\(tag 54\\) must be whole rupiah, found '1500.50'"),
        (replaced("54", "1500.5"), "must be whole rupiah"),
        (replaced("54", "1.500"), "must be whole rupiah"),
        (replaced("54", "-5000"), "must be whole rupiah"),
        (replaced("54", "0"), "amount \\(tag 54\\) must be more than Rp 0"),
    ],
)
def test_refusals_say_why(payload: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        parse_qris(payload)


@pytest.mark.parametrize(
    ("written", "amount"), [("150000", 150_000), ("150000.00", 150_000), ("150000.0", 150_000)]
)
def test_amount_forms(written: str, amount: int) -> None:
    assert parse_qris(replaced("54", written)).amount == amount


# --- dynamic_payload ---------------------------------------------------------------------


def assert_well_formed_dynamic(payload: str, amount: int) -> QrisPayload:
    tags = [f.tag for f in parse_tlv(payload)]
    assert tags[-1] == "63"
    assert tags[:-1] == sorted(tags[:-1])
    assert payload.startswith("000201010212")
    assert tlv("54", str(amount)) in payload
    assert payload[-4:] == crc_hex(payload[:-4])
    parsed = parse_qris(payload)
    assert parsed.is_dynamic and parsed.amount == amount
    return parsed


def test_dynamic_from_stand_payload() -> None:
    out = dynamic_payload(STAND_STATIC, 1_250_000)
    p = assert_well_formed_dynamic(out, 1_250_000)
    static = parse_qris(STAND_STATIC)
    kept = {f.tag: f.value for f in static.fields if f.tag not in {"01", "63"}}
    assert {f.tag: f.value for f in p.fields if f.tag not in {"01", "54", "63"}} == kept
    # 54 sits between 53 and 58, everything else where it was.
    expected = [
        STAND_FIELDS[0],
        ("01", "12"),
        *STAND_FIELDS[2:6],
        ("54", "1250000"),
        *STAND_FIELDS[6:],
    ]
    assert out == build(expected)


def test_dynamic_from_parsed_payload() -> None:
    assert dynamic_payload(parse_qris(STAND_STATIC), 5000) == dynamic_payload(STAND_STATIC, 5000)


def test_dynamic_from_published_static() -> None:
    p = assert_well_formed_dynamic(dynamic_payload(ASTRAPAY_STATIC, 75_000), 75_000)
    assert p.nmid == "ID1019004699079"


@pytest.mark.parametrize("base", [ASTRAPAY_DYNAMIC, PAKASIR_DYNAMIC])
def test_dynamic_payload_as_base_gets_new_amount(base: str) -> None:
    p = assert_well_formed_dynamic(dynamic_payload(base, 20_000), 20_000)
    assert p.nmid == parse_qris(base).nmid
    assert p.get("62") == parse_qris(base).get("62")


def test_dynamic_writes_fields_in_tag_order() -> None:
    shuffled = build([STAND_FIELDS[0], *reversed(STAND_FIELDS[1:])])
    assert dynamic_payload(shuffled, 9000) == dynamic_payload(STAND_STATIC, 9000)


def test_dynamic_at_the_cap_is_fine() -> None:
    assert_well_formed_dynamic(
        dynamic_payload(STAND_STATIC, QRIS_MAX_PER_PAYMENT), QRIS_MAX_PER_PAYMENT
    )


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        (0, "a QRIS payment must be more than Rp 0"),
        (-5000, "cannot be negative"),
        (
            10_000_001,
            "one QRIS payment is at most Rp 10.000.000: split the rest into another payment",
        ),
        (25_000_000, "at most Rp 10.000.000"),
    ],
)
def test_dynamic_refuses_amounts(amount: int, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        dynamic_payload(STAND_STATIC, amount)


@pytest.mark.parametrize("amount", [1.5, "15000", True])
def test_dynamic_refuses_non_integer_amounts(amount: object) -> None:
    with pytest.raises(InvalidInput, match="whole rupiah"):
        dynamic_payload(STAND_STATIC, amount)  # type: ignore[arg-type]


def test_dynamic_refuses_a_bad_base() -> None:
    with pytest.raises(InvalidInput, match="CRC mismatch"):
        dynamic_payload(ASTRAPAY_STALE_CRC, 10_000)
    with pytest.raises(InvalidInput, match="currency"):
        dynamic_payload(EMVCO_SPEC_EXAMPLE, 10_000)


def test_check_qris_amount() -> None:
    assert check_qris_amount(QRIS_MAX_PER_PAYMENT) == QRIS_MAX_PER_PAYMENT
    with pytest.raises(InvalidInput, match="split the rest"):
        check_qris_amount(QRIS_MAX_PER_PAYMENT + 1)


@given(st.integers(min_value=1, max_value=QRIS_MAX_PER_PAYMENT))
def test_any_amount_up_to_the_cap_parses_back(amount: int) -> None:
    assert_well_formed_dynamic(dynamic_payload(STAND_STATIC, amount), amount)


# --- split_amounts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "parts"),
    [
        (1, [1]),
        (150_000, [150_000]),
        (10_000_000, [10_000_000]),
        (10_000_001, [10_000_000, 1]),
        (20_000_000, [10_000_000, 10_000_000]),
        (25_000_000, [10_000_000, 10_000_000, 5_000_000]),
    ],
)
def test_split_amounts(total: int, parts: list[int]) -> None:
    assert split_amounts(total) == parts


@pytest.mark.parametrize("total", [0, -1])
def test_split_amounts_refuses_nothing_to_pay(total: int) -> None:
    with pytest.raises(InvalidInput):
        split_amounts(total)


@given(st.integers(min_value=1, max_value=10_000_000_000))
def test_split_parts_add_up_and_fit(total: int) -> None:
    parts = split_amounts(total)
    assert sum(parts) == total
    assert all(0 < p <= QRIS_MAX_PER_PAYMENT for p in parts)
    assert all(p == QRIS_MAX_PER_PAYMENT for p in parts[:-1])
