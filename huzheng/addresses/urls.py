from django.urls import path

from huzheng.addresses.housenumbers import views as house_views
from huzheng.addresses.population import views

app_name = "addresses"

urlpatterns = [
    path("statistics/population.csv", views.population_csv, name="population_csv"),
    path("statistics/population.json", views.population_json, name="population_json"),
    # 村里門牌查詢: house numbers, their history, villages' neighbourhoods and streets.
    path("addresses/", house_views.search, name="house_search"),
    path("addresses/numbers/<int:pk>/", house_views.house_detail, name="house_detail"),
    path("addresses/villages/<int:pk>/", house_views.village_detail, name="village_detail"),
]
