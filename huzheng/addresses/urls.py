from django.urls import path

from huzheng.addresses import views

app_name = "addresses"

urlpatterns = [
    path("statistics/population.csv", views.population_csv, name="population_csv"),
    path("statistics/population.json", views.population_json, name="population_json"),
]
