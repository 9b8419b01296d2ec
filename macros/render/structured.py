"""What search engines read about a page (schema.org JSON-LD): an explainer page is an Article
that cites its sources; the method page describes claims.json as a Dataset."""
from __future__ import annotations

import json

from ..claims import Claim
from ..corpus import Source
from .interface import say


def article(title: str, description: str, url: str, site_name: str, claims: list[Claim], language: str) -> dict:
    cited = {claim.source.id: claim.source for claim in claims}
    return {"@context": "https://schema.org", "@type": "Article", "headline": title, "description": description,
            "url": url, "inLanguage": language, "publisher": {"@type": "Organization", "name": site_name},
            "citation": [_work(source) for _, source in sorted(cited.items())]}


def dataset(url: str, site_url: str, site_name: str, language: str) -> dict:
    return {"@context": "https://schema.org", "@type": "Dataset", "name": say("dataset_name", language),
            "description": say("dataset_description", language), "url": url, "isAccessibleForFree": True,
            "creator": {"@type": "Organization", "name": site_name},
            "distribution": {"@type": "DataDownload", "encodingFormat": "application/json",
                             "contentUrl": f"{site_url.rstrip('/')}/claims.json"}}


def _work(source: Source) -> dict:
    work = {"@type": "CreativeWork", "name": source.value("title"), "genre": source.value("genre")}
    publisher, date = source.value("publisher"), source.value("date")
    if source.named_author:
        work["author"] = {"@type": "Person", "name": source.named_author}
    if publisher:
        work["publisher"] = {"@type": "Organization", "name": publisher}
    if date and source.meta["date"].basis == "stated":
        work["datePublished"] = date
    if source.url:
        work["url"] = source.url
    return work


def as_script_text(data: dict) -> str:
    """JSON that cannot end the <script> element it is written into."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
