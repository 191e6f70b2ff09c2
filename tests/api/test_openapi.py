"""The OpenAPI schema: public (it holds no data), valid, and describing every endpoint."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/sources": {"get"},
    "/api/sources/{source_id}": {"get"},
    "/api/lists": {"get"},
    "/api/lists/{list_id}": {"get"},
    "/api/records": {"get"},
    "/api/records/{record_id}": {"get"},
    "/api/import": {"post"},
    "/api/people": {"get"},
    "/api/estimates": {"get"},
    "/api/people/{person_id}": {"get"},
    "/api/people/{person_id}/withheld": {"get", "put", "delete"},
    "/api/people-index": {"get"},
    "/api/review": {"get"},
    "/api/review/decisions": {"post"},
    "/api/review/left-alone": {"get", "post"},
    "/api/forces/command": {"get"},
    "/api/forces/vet": {"post"},
    "/api/forces/assistance": {"get"},
    "/api/witnesses": {"get", "post"},
    "/api/witnesses/{person_id}": {"get"},
    "/api/witnesses/{person_id}/statements": {"post"},
    "/api/witnesses/{person_id}/pressure": {"post"},
    "/api/witnesses/{person_id}/reveal": {"post"},
    "/api/cases/complaints": {"get", "post"},
    "/api/cases/complaints/{complaint_id}": {"get"},
    "/api/cases/complaints/{complaint_id}/code": {"post"},
    "/api/cases/funnel": {"get"},
    "/api/cases": {"get", "post"},
    "/api/cases/{case_id}": {"get"},
    "/api/cases/{case_id}/steps": {"post"},
    "/api/cases/{case_id}/officials": {"post"},
}


def validate_openapi(document: dict) -> None:
    """openapi-spec-validator when installed; otherwise schemathesis's check against the OpenAPI meta-schema."""
    try:
        from openapi_spec_validator import validate
    except ImportError:
        import schemathesis

        schemathesis.openapi.from_dict(document).validate()
    else:
        validate(document)


def test_it_serves_a_valid_openapi_3_schema_without_credentials(client: Client) -> None:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.") and document["info"]["title"] == "Tergeu API"
    validate_openapi(document)


def test_it_lists_every_endpoint_and_no_other(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {path: set(methods) for path, methods in paths.items()} == ENDPOINTS


def test_it_declares_token_and_session_authentication(client: Client) -> None:
    document = client.get("/api/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    for path in ENDPOINTS:
        for operation in document["paths"][path].values():
            assert operation["security"] == [{"TokenAuth": []}, {"SessionAuth": []}]


OPERATION_IDS = {  # a contract: generated clients name their methods after these
    "tergeu_api_sources_list_sources", "tergeu_api_sources_get_source", "tergeu_api_lists_list_lists",
    "tergeu_api_lists_get_list", "tergeu_api_records_list_records", "tergeu_api_records_get_record",
    "tergeu_api_imports_import_list", "tergeu_api_people_list_people", "tergeu_api_people_get_person",
    "tergeu_api_review_review_queue", "tergeu_api_review_decide", "tergeu_linkage_api_left_alone_queue",
    "tergeu_linkage_api_answer_left_alone_record", "tergeu_api_estimates_list_estimates",
    "tergeu_linkage_api_people_index", "tergeu_linkage_api_get_withheld", "tergeu_linkage_api_withhold_person",
    "tergeu_linkage_api_clear_withheld",
    "tergeu_forces_api_command", "tergeu_forces_api_vet", "tergeu_forces_api_assistance",
    "tergeu_witnesses_api_list_witnesses", "tergeu_witnesses_api_add_witness", "tergeu_witnesses_api_get_witness",
    "tergeu_witnesses_api_add_statement", "tergeu_witnesses_api_add_pressure", "tergeu_witnesses_api_reveal_witness",
    "tergeu_cases_api_list_complaints", "tergeu_cases_api_add_complaint", "tergeu_cases_api_get_complaint",
    "tergeu_cases_api_complaint_code", "tergeu_cases_api_funnel", "tergeu_cases_api_list_cases",
    "tergeu_cases_api_add_case", "tergeu_cases_api_get_case", "tergeu_cases_api_add_step",
    "tergeu_cases_api_add_official",
}


def test_operation_ids_stay_what_clients_were_generated_with() -> None:
    document = Client().get("/api/openapi.json").json()
    found = {operation["operationId"] for path in document["paths"].values() for operation in path.values()}
    assert found == OPERATION_IDS


def test_no_two_api_schemas_share_a_name() -> None:
    """Django Ninja names each schema's OpenAPI component by its class name, so two apps' schemas of one
    name (two ``IdentityIn``) silently become one: the contract then shows one app the other's limits."""
    from ninja import Schema

    import tergeu.api.main  # noqa: F401  (every router and its schemas)

    def subclasses(cls: type) -> list[type]:
        return [sub for child in cls.__subclasses__() for sub in (child, *subclasses(child))]

    ours = [cls for cls in subclasses(Schema) if cls.__module__.startswith("tergeu.")]
    names: dict[str, list[str]] = {}
    for cls in ours:
        names.setdefault(cls.__name__, []).append(f"{cls.__module__}.{cls.__qualname__}")
    assert {name: where for name, where in names.items() if len(set(where)) > 1} == {}
