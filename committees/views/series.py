"""A committee's meeting series and their exceptions: /api/v1/committees/{id}/series/..."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from committees import queries
from committees.filters import SeriesFilter
from committees.models import SeriesException
from committees.serializers.series import (
    ExceptionSerializer,
    ExceptionWriteSerializer,
    SeriesChangeSerializer,
    SeriesSerializer,
    SeriesWriteSerializer,
    SplitSerializer,
)
from committees.services import occurrences as occurrence_services
from committees.services import series as series_services
from committees.views.common import ERRORS
from events_api.core.errors import NotFound
from events_api.core.filtering import apply_filterset

SERIES_PATH = r"series/(?P<series_id>\d+)"


class SeriesActions:
    """Actions of the committee viewset (which provides ``_committee`` and ``_managed``)."""

    def _series(self, committee, series_id):
        series = queries.series_of(committee).filter(pk=series_id).first()
        if series is None:
            raise NotFound()
        return series

    @extend_schema(
        methods=["GET"],
        responses=SeriesSerializer(many=True),
        parameters=[OpenApiParameter("status", str)],
    )
    @extend_schema(
        methods=["POST"], request=SeriesWriteSerializer, responses={201: SeriesSerializer, **ERRORS}
    )
    @action(
        detail=True, methods=["get", "post"], filter_backends=[], serializer_class=SeriesSerializer
    )
    def series(self, request, pk=None):
        if request.method == "POST":
            committee = self._managed()
            serializer = SeriesWriteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = dict(serializer.validated_data)
            series = series_services.create_series(
                committee=committee, languages=data.pop("languages", []), **data
            )
            return Response(
                SeriesSerializer(self._series(committee, series.pk)).data, status.HTTP_201_CREATED
            )
        committee = self._committee()
        rows = apply_filterset(SeriesFilter, request, queries.series_of(committee))
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(SeriesSerializer(page, many=True).data)

    @extend_schema(methods=["GET"], responses={200: SeriesSerializer, 404: ERRORS[404]})
    @extend_schema(
        methods=["PATCH"],
        request=SeriesChangeSerializer,
        responses={200: SeriesSerializer, **ERRORS},
        description="Change the whole series; its future meetings follow.",
    )
    @action(
        detail=True,
        methods=["get", "patch"],
        url_path=SERIES_PATH,
        filter_backends=[],
        serializer_class=SeriesSerializer,
    )
    def series_detail(self, request, pk=None, series_id=None):
        if request.method == "GET":
            return Response(SeriesSerializer(self._series(self._committee(), series_id)).data)
        committee = self._managed()
        series = self._series(committee, series_id)
        serializer = SeriesChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        series_services.update_series(series=series, languages=data.pop("languages", None), **data)
        return Response(SeriesSerializer(self._series(committee, series_id)).data)

    @extend_schema(
        request=SplitSerializer,
        responses={201: SeriesSerializer, **ERRORS},
        summary="Change this occurrence and the following ones (splits the series)",
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=rf"{SERIES_PATH}/split",
        filter_backends=[],
        serializer_class=SeriesSerializer,
    )
    def series_split(self, request, pk=None, series_id=None):
        committee = self._managed()
        series = self._series(committee, series_id)
        serializer = SplitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        new = series_services.split_series(
            series=series, at=data.pop("at"), languages=data.pop("languages", None), **data
        )
        return Response(
            SeriesSerializer(self._series(committee, new.pk)).data, status.HTTP_201_CREATED
        )

    @extend_schema(methods=["GET"], responses=ExceptionSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=ExceptionWriteSerializer,
        responses={201: ExceptionSerializer, **ERRORS},
        description="Cancel or move one occurrence, named by its original start.",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path=rf"{SERIES_PATH}/exceptions",
        filter_backends=[],
        serializer_class=ExceptionSerializer,
    )
    def series_exceptions(self, request, pk=None, series_id=None):
        if request.method == "GET":
            series = self._series(self._committee(), series_id)
            rows = SeriesException.objects.filter(series=series).order_by("original_start", "id")
            page = self.paginate_queryset(rows)
            return self.get_paginated_response(ExceptionSerializer(page, many=True).data)
        series = self._series(self._managed(), series_id)
        serializer = ExceptionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        place = {k: data.pop(k) for k in ("school", "address", "room", "online_url") if k in data}
        exception = occurrence_services.set_exception(series=series, place=place, **data)
        return Response(ExceptionSerializer(exception).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None, **ERRORS}, summary="Restore an occurrence")
    @action(
        detail=True,
        methods=["delete"],
        url_path=rf"{SERIES_PATH}/exceptions/(?P<exception_id>\d+)",
        filter_backends=[],
        serializer_class=ExceptionSerializer,
    )
    def series_exception(self, request, pk=None, series_id=None, exception_id=None):
        series = self._series(self._managed(), series_id)
        exception = SeriesException.objects.filter(series=series, pk=exception_id).first()
        if exception is None:
            raise NotFound()
        occurrence_services.remove_exception(exception=exception)
        return Response(status=status.HTTP_204_NO_CONTENT)
