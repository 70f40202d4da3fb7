search-title = Search
search-label = Search the coalition
search-placeholder = Search…
search-button = Search
search-hint = Type words to find organisations, people, working groups, recommendations, plan items, campaigns and content, in any language. The last word may be the start of a word.
search-by-kind = Results by kind
search-more = More results of this kind
search-found =
    { $count ->
        [0] Nothing found.
        [one] One result.
       *[other] { $count } results.
    }
search-broad =
    { $count ->
       *[other] These words are in more than { $count } entries: showing the most recently changed. Add a word to narrow the search.
    }
search-kind-organisation = Organisations
search-kind-person = People
search-kind-group = Working groups
search-kind-recommendation = Recommendations
search-kind-plan_item = Plan items
search-kind-campaign = Campaigns
search-kind-content = Content
field-q = Words to find
