# Elements in a container: built with the README's build command, run as a non-root user.
#   docker build -t elements .
#   docker run -p 8080:8080 -v elements-data:/var/lib/elements/data elements
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system elements \
    && useradd --system --gid elements --home-dir /var/lib/elements --no-create-home elements \
    && mkdir -p /var/lib/elements/data \
    && chown -R elements:elements /var/lib/elements \
    && chmod 0700 /var/lib/elements/data
WORKDIR /opt/elements
COPY --from=build /src/app/target/elements.jar elements.jar
USER elements
# The embedded database and a generated master key live here; with PostgreSQL and
# ELEMENTS_MASTER_KEY set it stays empty.
ENV ELEMENTS_DATA_DIR=/var/lib/elements/data
VOLUME /var/lib/elements/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "elements.jar"]
