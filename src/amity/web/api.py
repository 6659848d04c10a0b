"""The JSON API: one endpoint per page (the page's twin), and the upload that writes."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query, Request
from starlette.datastructures import UploadFile as FormFile

from amity.record import Document
from amity.web import documents, views
from amity.web._security import check_write, read_body
from amity.web.documents import DOC_ID
from amity.web.jobs import UploadFile, upload_label
from amity.web.models import (
    ActorPage,
    ClaimsLedger,
    DocumentList,
    Dyad,
    JobStatus,
    Overview,
    SearchResults,
    UploadLimits,
)

T = TypeVar("T")
ActorArg = Annotated[str, Path(max_length=200, description="actor id, name or alias")]
Period = Literal["week", "month", "year"]
ACCEPTED = [".html", ".htm", ".txt", ".md", ".jsonl", ".json", ".warc", ".gz"]

router = APIRouter(prefix="/api", tags=["api"])


def read(request: Request, view: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`view(store, ...)` on a fresh read cursor of the app's database."""
    with request.app.state.database.reader() as store:
        return view(store, *args, **kwargs)


def cached(request: Request, name: str, view: Callable[..., T]) -> T:
    """A view of the whole corpus, computed once per state of the data."""
    state = request.app.state
    key = (name, state.database.generation)
    with state.cache_lock:
        if key in state.cache:
            return state.cache[key]  # type: ignore[no-any-return]
    value = read(request, view)
    with state.cache_lock:
        state.cache.clear()
        state.cache[key] = value
    return value


def document_record(request: Request, doc_id: str) -> Document:
    """The stored record of `doc_id`; 404 for an unknown or malformed id."""
    if not DOC_ID.match(doc_id):
        raise HTTPException(404, "no such document (ids are letters, digits, - and _)")
    doc: Document | None = read(request, lambda store: store.document(doc_id))
    if doc is None:
        raise HTTPException(404, f"no document {doc_id} in the store")
    return doc


@router.get("/overview", response_model=Overview, summary="Overview")
def overview_api(request: Request) -> Overview:
    """Corpus counts, the signed graph of the most active actors, recent events, tacit
    alliances and the most disputed claims (the `/` page)."""
    return cached(request, "overview", views.overview)


@router.get("/actors/{actor}", response_model=ActorPage, summary="Actor")
def actor_api(request: Request, actor: ActorArg, exact: bool = False) -> ActorPage:
    """Aliases, roles over time, partners and adversaries, events, quotes, claims made and
    claims about the actor. A state counts its officials and forces unless `exact`."""
    return read(request, views.actor_page, actor, exact=exact)


@router.get("/dyads/{a}/{b}", response_model=Dyad, summary="Dyad")
def dyad_api(request: Request, a: ActorArg, b: ActorArg, by: Period = "month",
             exact: bool = False) -> Dyad:
    """A–B period by period per quad class, facts and claims apart, with the evidence
    sentences (negated and hypothetical events left out of the counts)."""
    return read(request, views.dyad, a, b, by=by, exact=exact)


@router.get("/claims", response_model=ClaimsLedger, summary="Claims ledger")
def claims_api(request: Request, about: Annotated[str | None, Query(max_length=200)] = None,
               claimant: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> ClaimsLedger:
    """Claims grouped across documents, with claimants, disputers and supporters."""
    return read(request, views.claims_ledger, about=about, claimant=claimant, limit=limit)


@router.get("/documents", response_model=DocumentList, summary="Document list")
def documents_api(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                  offset: Annotated[int, Query(ge=0)] = 0,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50) -> DocumentList:
    """Stored documents, newest published first; `q` filters by title, source or site."""
    return read(request, documents.document_list, q=q, offset=offset, limit=limit)


@router.get("/documents/{doc_id}", summary="Document record",
            responses={200: {"description": "the `amity.document/1` record"}})
def document_api(request: Request, doc_id: Annotated[str, Path(max_length=64)]
                 ) -> dict[str, Any]:
    """The document's `amity.document/1` record as stored: text, removed junk, actors with
    mentions, events, quotes and claims."""
    return document_record(request, doc_id).to_dict()


@router.get("/search", response_model=SearchResults, summary="Search")
def search_api(request: Request, q: Annotated[str, Query(max_length=200)] = "",
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> SearchResults:
    """Actors by id, name or alias, and documents by title or text."""
    return read(request, documents.search, q, limit=limit)


@router.get("/upload", response_model=UploadLimits, summary="Upload limits")
def upload_limits_api(request: Request) -> UploadLimits:
    """What an upload may hold and whether it needs the server's token."""
    s = request.app.state
    return UploadLimits(max_bytes=s.max_upload_bytes, max_files=s.max_files,
                        token_required=s.token is not None, accepted=ACCEPTED)


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {
    "schema": {"type": "object", "required": ["files"], "properties": {"files": {
        "type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}


@router.post("/upload", response_model=JobStatus, status_code=202, summary="Upload",
             openapi_extra=_UPLOAD_BODY)
async def upload_api(request: Request) -> JobStatus:
    """Ingest the files of a multipart form (field `files`) in the background; poll
    `/api/jobs/{id}`. Needs `Authorization: Bearer TOKEN` when the server has a token."""
    state = request.app.state
    check_write(request, state.token)
    body = await read_body(request, state.max_upload_bytes)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=state.max_files, max_fields=20)
    files = []
    for index, part in enumerate(form.getlist("files")):
        if isinstance(part, FormFile):
            files.append(UploadFile(upload_label(part.filename, index), await part.read()))
            await part.close()
    await form.close()
    if not files:
        raise HTTPException(422, "no file in the upload (send them in the field `files`)")
    job = state.jobs.submit(files)
    return JobStatus(**job.to_dict())


@router.get("/jobs/{job_id}", response_model=JobStatus, summary="Upload job")
def job_api(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> JobStatus:
    """How far an upload's ingestion got: pages done, stored, duplicates, failures."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such upload job")
    return JobStatus(**job)
