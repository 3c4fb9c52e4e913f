from drf_spectacular.utils import OpenApiResponse

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {code, message, fields}"),
    403: OpenApiResponse(description="Not allowed: {code, message, fields}"),
    404: OpenApiResponse(description="Not found: {code, message, fields}"),
    409: OpenApiResponse(description="Conflicts with the current state: {code, message}"),
}
