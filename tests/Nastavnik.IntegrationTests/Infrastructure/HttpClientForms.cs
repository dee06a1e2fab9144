using System.Net;
using System.Text.RegularExpressions;

namespace Nastavnik.IntegrationTests.Infrastructure;

public static partial class HttpClientForms
{
    /// <summary>
    /// Posts a form as a browser would: GETs the page first for the antiforgery cookie and hidden token, then posts
    /// the fields with that token. <paramref name="getUrl"/> is the page holding the form when it differs from the target.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields,
        string? getUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, getUrl ?? url.Split('?')[0]);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Posts a multipart form (file uploads) with the antiforgery token taken from <paramref name="getUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, MultipartFormDataContent content,
        string? getUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, getUrl ?? url.Split('?')[0]);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string getUrl)
    {
        var page = await client.GetAsync(getUrl);
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {getUrl} answered {(int)page.StatusCode}");
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {getUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
